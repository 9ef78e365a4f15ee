package app.roster.contact;

import static app.roster.contact.ContactDetailsTest.details;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.EmailAddress;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With {@code roster.contacts.require-confirmation=false}, unconfirmed subscribed contacts receive too. */
@IntegrationTest
@TestPropertySource(properties = "roster.contacts.require-confirmation=false")
class ContactRecipientsUnconfirmedIT {

    @Autowired
    Registrations registrations;
    @Autowired
    AddContact addContact;
    @Autowired
    NotificationRecipients recipients;

    @Test
    void unconfirmedSubscribedContactsReceiveWhenConfirmationIsNotRequired() {
        Person owner = registrations.registerVerified("Olga");
        long a = registrations.accountOf(owner);
        String email = Registrations.uniqueEmail("una");
        addContact.add(a, details("Una", email, Set.of(Category.PRODUCT)), Locale.ENGLISH);
        addContact.add(a, details("Sid", Registrations.uniqueEmail("sid"), Set.of(Category.SUPPORT)), Locale.ENGLISH);
        assertThat(recipients.of(a, Category.PRODUCT)).extracting(EmailAddress::value)
                .containsExactly(owner.email(), email);
    }
}
