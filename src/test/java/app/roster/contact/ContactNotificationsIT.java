package app.roster.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roster's own account notification (the account's details changed, a General email) reaches the owner and the
 * confirmed General contacts; every contact's copy carries its one-click unsubscribe, in the headers and the body.
 */
@IntegrationTest
class ContactNotificationsIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    private final Mailbox mailbox = Mailbox.shared();
    Person owner;
    long account;
    Visitor ownerVisitor;

    @BeforeEach
    void anAccount() {
        owner = registrations.registerVerified("Olive");
        account = registrations.accountOf(owner);
        ownerVisitor = new Visitor(port);
        ownerVisitor.login(owner.email(), owner.password());
        ownerVisitor.get("/accounts");
        ownerVisitor.post("/accounts/" + account + "/select", Map.of());
    }

    @Test
    void aGeneralNotificationCarriesAOneClickUnsubscribeThatWorksWithoutLoggingIn() throws MessagingException {
        String general = confirmedContact("gina", "general", "invoice");
        String invoicesOnly = confirmedContact("ivan", "invoice");
        String unconfirmed = Registrations.uniqueEmail("una");
        ownerVisitor.post("/contacts/new", ContactsIT.fields("Una", "Lee", unconfirmed, "general"));

        changeAccountName("Olive Hosting Ltd");

        MimeMessage toOwner = mailbox.awaitSubject(owner.email(), "were changed");
        assertThat(Mailbox.text(toOwner)).contains("Account name");
        assertThat(toOwner.getHeader("List-Unsubscribe")).isNull();
        MimeMessage toContact = mailbox.awaitSubject(general, "were changed");
        String header = toContact.getHeader("List-Unsubscribe")[0];
        assertThat(header).matches("<http://localhost:8080/contacts/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
        assertThat(toContact.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String link = header.substring(1, header.length() - 1);
        assertThat(Mailbox.link(toContact, "/contacts/unsubscribe")).isEqualTo(link);
        assertThat(Mailbox.text(toContact)).contains("subscribed to its General emails");
        assertThat(mailbox.messagesTo(invoicesOnly)).noneMatch(m -> Mailbox.subject(m).contains("were changed"));
        assertThat(mailbox.messagesTo(unconfirmed)).noneMatch(m -> Mailbox.subject(m).contains("were changed"));

        // the mail client's RFC 8058 POST: no session, no CSRF token, only the link
        Page oneClick = new Visitor(port).postRaw(path(link), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(subscriptions(general)).isEqualTo("invoice");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE account_id = ? AND action = 'contact.unsubscribed'")
                .param(account).query(Integer.class).single()).isOne();
        Page list = ownerVisitor.get("/contacts?q=gina");
        assertThat(list.text()).contains("Invoices").doesNotContain("General");

        changeAccountName("Olive Hosting SA");
        await().atMost(Duration.ofSeconds(20)).until(() -> changeEmails(owner.email()) == 2);
        assertThat(changeEmails(general)).isOne();
    }

    @Test
    void anExpiredConfirmationLinkStopsWorkingAndANewOneCanBeSent() {
        String email = Registrations.uniqueEmail("exa");
        ownerVisitor.post("/contacts/new", ContactsIT.fields("Exa", "Lee", email, "general"));
        long id = contactId(email);
        String first = Mailbox.link(mailbox.awaitSubject(email, "wants to send you"), "/contacts/confirm");
        Instant expiry = jdbc.sql("SELECT confirmation_expires_at FROM contacts WHERE id = ?").param(id)
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofDays(7).minusMinutes(5),
                Duration.ofDays(7));
        jdbc.sql("UPDATE contacts SET confirmation_expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id).update();

        Visitor contact = new Visitor(port);
        assertThat(contact.get(path(first)).status()).isEqualTo(404);

        Page list = ownerVisitor.get("/contacts");
        assertThat(list.html().selectFirst("#resend-confirmation-" + id)).isNotNull();
        assertThat(ownerVisitor.postRaw("/contacts/" + id + "/confirmation", Map.of()).status()).isEqualTo(403);
        Page resent = ownerVisitor.post("/contacts/" + id + "/confirmation", Map.of());
        assertThat(resent.status()).isEqualTo(302);
        assertThat(ownerVisitor.get("/contacts").text()).contains("A new confirmation email is on its way.");
        String second = Mailbox.link(mailbox.awaitMessage(email, 2), "/contacts/confirm");
        assertThat(second).isNotEqualTo(first);
        Page confirm = contact.get(path(second));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(contact.post("/contacts/confirm", Map.of("token", token(second))).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT email_confirmed FROM contacts WHERE id = ?").param(id).query(Boolean.class)
                .single()).isTrue();
        assertThat(ownerVisitor.get("/contacts").html().selectFirst("#resend-confirmation-" + id)).isNull();
        assertThat(jdbc.sql("SELECT action FROM audit_events WHERE account_id = ? ORDER BY id").param(account)
                .query(String.class).list()).containsSubsequence("contact.added", "contact.confirmation_resent",
                "contact.confirmed");

        // another account's contact id is not found, and a confirmed contact gets nothing more
        Person other = registrations.registerVerified("Oscar");
        Visitor stranger = new Visitor(port);
        stranger.login(other.email(), other.password());
        stranger.get("/accounts");
        stranger.post("/accounts/" + registrations.accountOf(other) + "/select", Map.of());
        stranger.get("/contacts");
        assertThat(stranger.post("/contacts/" + id + "/confirmation", Map.of()).status()).isEqualTo(404);
        ownerVisitor.post("/contacts/" + id + "/confirmation", Map.of());
        assertThat(mailbox.messagesTo(email)).hasSize(2);
    }

    private String confirmedContact(String name, String... categories) {
        String email = Registrations.uniqueEmail(name);
        ownerVisitor.get("/contacts/new");
        assertThat(ownerVisitor.post("/contacts/new", ContactsIT.fields(name, "Lee", email, categories)).status())
                .isEqualTo(302);
        String link = Mailbox.link(mailbox.awaitSubject(email, "wants to send you"), "/contacts/confirm");
        Visitor contact = new Visitor(port);
        contact.get(path(link));
        assertThat(contact.post("/contacts/confirm", Map.of("token", token(link))).status()).isEqualTo(200);
        return email;
    }

    private void changeAccountName(String name) {
        Page form = ownerVisitor.get("/account");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("companyName", "address1", "address2", "city", "region", "postcode", "country",
                "phone", "taxId")) {
            fields.put(field, form.html().selectFirst("#" + field).val());
        }
        fields.put("name", name);
        assertThat(ownerVisitor.post("/account", fields).status()).isEqualTo(302);
    }

    private long changeEmails(String address) {
        return mailbox.messagesTo(address).stream().filter(m -> Mailbox.subject(m).contains("were changed")).count();
    }

    private String subscriptions(String email) {
        return jdbc.sql("SELECT subscriptions FROM contacts WHERE email = ?").param(email).query(String.class).single();
    }

    private long contactId(String email) {
        return jdbc.sql("SELECT id FROM contacts WHERE email = ?").param(email).query(Long.class).single();
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/contacts/"));
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
