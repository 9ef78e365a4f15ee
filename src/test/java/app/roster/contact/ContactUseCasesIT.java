package app.roster.contact;

import static app.roster.contact.ContactDetailsTest.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.EmailAddress;
import app.roster.shared.NotFound;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The contact use cases, the repository and the recipients rule against the real database. */
@IntegrationTest
class ContactUseCasesIT {

    @Autowired
    Registrations registrations;
    @Autowired
    AddContact addContact;
    @Autowired
    ChangeContact changeContact;
    @Autowired
    DeleteContact deleteContact;
    @Autowired
    ConfirmContact confirmContact;
    @Autowired
    Unsubscribe unsubscribe;
    @Autowired
    Contacts contacts;
    @Autowired
    ContactLinks links;
    @Autowired
    NotificationRecipients recipients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    Person owner;
    long a;
    long b;

    @BeforeEach
    void twoAccounts() {
        owner = registrations.registerVerified("Olga");
        a = registrations.accountOf(owner);
        b = registrations.accountOf(registrations.registerVerified("Bruno"));
    }

    @Test
    void recipientsAreTheOwnerAndConfirmedSubscribedContactsOnly() {
        long confirmed = addContact.add(registrations.ownerOf(a), a, details("Cora", "cora-" + a + "@example.com",
                Set.of(Category.INVOICE)), Locale.ENGLISH);
        addContact.add(registrations.ownerOf(a), a, details("Una", "una-" + a + "@example.com", Set.of(Category.INVOICE)), Locale.ENGLISH);
        long other = addContact.add(registrations.ownerOf(a), a, details("Sam", "sam-" + a + "@example.com", Set.of(Category.SUPPORT)),
                Locale.ENGLISH);
        markConfirmed(confirmed);
        markConfirmed(other);
        addContact.add(registrations.ownerOf(b), b, details("Bea", "bea-" + b + "@example.com", Set.of(Category.INVOICE)), Locale.ENGLISH);

        assertThat(recipients.of(a, Category.INVOICE)).extracting(EmailAddress::value)
                .containsExactly(owner.email(), "cora-" + a + "@example.com");
        assertThat(recipients.of(a, Category.DOMAIN)).extracting(EmailAddress::value).containsExactly(owner.email());
    }

    @Test
    void aChangedAddressIsUnconfirmedAgainAndAuditedWithBeforeAndAfter() {
        long id = addContact.add(registrations.ownerOf(a), a, details("Cora", "c1-" + a + "@example.com", Set.of(Category.GENERAL)),
                Locale.ENGLISH);
        markConfirmed(id);
        changeContact.change(registrations.ownerOf(a), a, id, details("Cora", "c1-" + a + "@example.com", Set.of(Category.GENERAL,
                Category.DOMAIN)), Locale.ENGLISH);
        assertThat(contacts.find(a, id).orElseThrow().emailConfirmed()).isTrue();

        changeContact.change(registrations.ownerOf(a), a, id, details("Cora", "c2-" + a + "@example.com", Set.of(Category.GENERAL)),
                Locale.ENGLISH);
        assertThat(contacts.find(a, id).orElseThrow().emailConfirmed()).isFalse();
        assertThat(auditDetails("contact.changed")).anySatisfy(d -> assertThat(d)
                .contains("c1-" + a + "@example.com → c2-" + a + "@example.com"));
    }

    @Test
    void oneAddressOncePerAccountButAnotherAccountMayHaveIt() {
        String email = "dup-" + a + "@example.com";
        addContact.add(registrations.ownerOf(a), a, details("Dee", email, Set.of()), Locale.ENGLISH);
        assertThatThrownBy(() -> addContact.add(registrations.ownerOf(a), a, details("Dee", email.toUpperCase(), Set.of()), Locale.ENGLISH))
                .isInstanceOfSatisfying(ContactRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("contact.error.duplicate"));
        long other = addContact.add(registrations.ownerOf(b), b, details("Dee", email, Set.of()), Locale.ENGLISH);
        assertThat(contacts.find(b, other)).isPresent();
        assertThat(contacts.find(a, other)).isEmpty();
        assertThatThrownBy(() -> deleteContact.delete(registrations.ownerOf(a), a, other)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> changeContact.change(registrations.ownerOf(a), a, other, details("X", "x@example.com", Set.of()),
                Locale.ENGLISH)).isInstanceOf(NotFound.class);
    }

    @Test
    void searchFindsByNameOrAddressPrefixWithinTheAccountOnly() {
        addContact.add(registrations.ownerOf(a), a, details("Zelda", "zz-" + a + "@example.com", Set.of()), Locale.ENGLISH);
        addContact.add(registrations.ownerOf(a), a, details("Yves", "yy-" + a + "@example.com", Set.of()), Locale.ENGLISH);
        addContact.add(registrations.ownerOf(b), b, details("Zelda", "zz-" + b + "@example.com", Set.of()), Locale.ENGLISH);
        assertThat(contacts.search(a, "zel", 25, 0)).extracting(c -> c.accountId()).containsExactly(a);
        assertThat(contacts.search(a, "YY-", 25, 0)).hasSize(1);
        assertThat(contacts.search(a, "%", 25, 0)).isEmpty();
        assertThat(contacts.count(a, "")).isEqualTo(2);
        assertThat(contacts.search(a, "", 1, 1)).hasSize(1);
    }

    @Test
    void unsubscribeLinkRemovesOneCategoryAndDeleteIsAudited() {
        long id = addContact.add(registrations.ownerOf(a), a, details("Uli", "uli-" + a + "@example.com", Set.of(Category.INVOICE,
                Category.SUPPORT)), Locale.ENGLISH);
        String link = transactions.execute(status -> links.unsubscribe(id, Category.INVOICE));
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(unsubscribe.unsubscribe("wrong")).isFalse();
        assertThat(unsubscribe.unsubscribe(token)).isTrue();
        assertThat(unsubscribe.unsubscribe(token)).isTrue();
        assertThat(contacts.find(a, id).orElseThrow().details().subscriptions()).containsExactly(Category.SUPPORT);
        assertThat(auditDetails("contact.unsubscribed")).anySatisfy(d -> assertThat(d)
                .contains("contact=" + id).contains("category=invoice"));

        deleteContact.delete(registrations.ownerOf(a), a, id);
        assertThat(contacts.find(a, id)).isEmpty();
        assertThat(auditDetails("contact.deleted")).anySatisfy(d -> assertThat(d).contains("uli-" + a));
        assertThat(unsubscribe.unsubscribe(token)).isFalse();
    }

    private void markConfirmed(long id) {
        jdbc.sql("UPDATE contacts SET email_confirmed = TRUE WHERE id = ?").param(id).update();
    }

    private List<String> auditDetails(String action) {
        return jdbc.sql("SELECT details FROM audit_events WHERE account_id = ? AND action = ? ORDER BY id")
                .params(a, action).query(String.class).list();
    }
}
