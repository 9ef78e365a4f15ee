package app.roster.contact;

import static app.roster.contact.ContactDetailsTest.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.EmailAddress;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.WithSettings;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contact settings other than the defaults: no confirmation required, few confirmation emails per hour. */
@IntegrationTest
@WithSettings({"roster.contacts.require-confirmation=false",
    "roster.contacts.max-confirmations-per-account-hour=3"})
class ContactSettingsIT {

    @Autowired
    Registrations registrations;
    @Autowired
    AddContact addContact;
    @Autowired
    NotificationRecipients recipients;
    @Autowired
    ChangeContact changeContact;
    @Autowired
    ResendConfirmation resendConfirmation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void unconfirmedSubscribedContactsReceiveWhenConfirmationIsNotRequired() {
        Person owner = registrations.registerVerified("Olga");
        long a = registrations.accountOf(owner);
        String email = Registrations.uniqueEmail("una");
        addContact.add(registrations.ownerOf(a), a, details("Una", email, Set.of(Category.PRODUCT)), Locale.ENGLISH);
        addContact.add(registrations.ownerOf(a), a, details("Sid", Registrations.uniqueEmail("sid"), Set.of(Category.SUPPORT)), Locale.ENGLISH);
        assertThat(recipients.of(a, Category.PRODUCT)).extracting(EmailAddress::value)
                .containsExactly(owner.email(), email);
    }

    @Test
    void anAccountCausesOnlySoManyConfirmationEmailsPerHourAndARefusalSavesNothing() {
        Person owner = registrations.registerVerified("Rita");
        long a = registrations.accountOf(owner);
        long first = addContact.add(registrations.ownerOf(a), a, details("Ann", Registrations.uniqueEmail("ann"), Set.of()), Locale.ENGLISH);
        addContact.add(registrations.ownerOf(a), a, details("Ben", Registrations.uniqueEmail("ben"), Set.of()), Locale.ENGLISH);
        assertThat(resendConfirmation.resend(registrations.ownerOf(a), a, first, Locale.ENGLISH)).isTrue();

        String late = Registrations.uniqueEmail("cy");
        assertThatThrownBy(() -> addContact.add(registrations.ownerOf(a), a, details("Cy", late, Set.of()), Locale.ENGLISH))
                .isInstanceOfSatisfying(ContactRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("contact.error.tooManyConfirmations"));
        assertThatThrownBy(() -> changeContact.change(registrations.ownerOf(a), a, first, details("Ann", late, Set.of()), Locale.ENGLISH))
                .isInstanceOf(ContactRefused.class);
        assertThat(jdbc.sql("SELECT email FROM contacts WHERE account_id = ? ORDER BY id").param(a)
                .query(String.class).list()).hasSize(2).doesNotContain(late);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE account_id = ? AND action = 'contact.added'")
                .param(a).query(Integer.class).single()).isEqualTo(2);
    }
}
