package app.roster.contact;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.EmailAddress;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The Contacts pages over HTTP. Account A: owner O, C (contacts), N (invoices). Account B: owner BO. */
@IntegrationTest
class ContactsIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationRecipients recipients;
    @Autowired
    ContactLinks links;
    @Autowired
    TransactionTemplate transactions;

    private final Mailbox mailbox = Mailbox.shared();

    Person o;
    Person c;
    Person n;
    Person bo;
    long a;
    long b;

    @BeforeEach
    void twoAccounts() {
        o = registrations.registerVerified("Olga");
        c = registrations.registerVerified("Carl");
        n = registrations.registerVerified("Nina");
        bo = registrations.registerVerified("Bruno");
        a = registrations.accountOf(o);
        b = registrations.accountOf(bo);
        join(a, c, "contacts");
        join(a, n, "invoices");
    }

    @Test
    void aUserWithContactsAddsEditsAndDeletesWithAuditRows() {
        Visitor manager = in(a, c);
        Page list = manager.get("/contacts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().selectFirst("#contacts-empty").text()).contains("There are no contacts yet.");
        assertThat(list.html().select("a[href=/contacts]").eachText()).contains("Contacts");

        Page form = manager.get("/contacts/new");
        for (String id : List.of("firstName", "lastName", "email", "companyName", "phone", "address1", "address2",
                "city", "region", "postcode", "country", "taxId", "subscription-invoice", "subscription-affiliate")) {
            assertThat(form.html().select("label[for=" + id + "]")).as(id).hasSize(1);
        }
        String email = Registrations.uniqueEmail("cora");
        Page added = manager.post("/contacts/new", fields("Cora", "Lee", email, "invoice", "support"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith("/contacts");
        long id = contactId(email);
        Page listed = manager.get("/contacts");
        assertThat(listed.html().selectFirst("#contact-" + id).text()).contains("Cora Lee", email, "Invoices",
                "Support", "Not confirmed");
        assertThat(listed.html().selectFirst("#contact-" + id + " a[href^=/users/invite]").attr("href"))
                .isEqualTo("/users/invite?email=" + email);

        Page edit = manager.get("/contacts/" + id + "/edit");
        assertThat(edit.html().selectFirst("#lastName").val()).isEqualTo("Lee");
        assertThat(edit.html().selectFirst("#subscription-invoice").hasAttr("checked")).isTrue();
        assertThat(manager.post("/contacts/" + id + "/edit", fields("Cora", "Lim", email, "invoice")).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT last_name || '/' || subscriptions FROM contacts WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("Lim/invoice");

        Page confirm = manager.get("/contacts/" + id + "/delete");
        assertThat(confirm.text()).contains("Delete the contact Cora Lim (" + email + ")?");
        assertThat(manager.post("/contacts/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(contactCount(a)).isZero();

        assertThat(audit(a)).containsSubsequence("contact.added", "contact.changed", "contact.deleted");
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE account_id = ? AND action = 'contact.changed'")
                .param(a).query(String.class).single()).contains("last_name=Lee → Lim")
                .contains("subscriptions=invoice,support → invoice").doesNotContain("token");
    }

    @Test
    void badInputIsShownNextToItsFieldAndNeverA500() {
        Visitor owner = in(a, o);
        owner.get("/contacts/new");
        String email = Registrations.uniqueEmail("dup");
        assertThat(owner.post("/contacts/new", fields("Dee", "Lee", email)).status()).isEqualTo(302);

        assertFieldError(owner.post("/contacts/new", fields("Dee", "Lee", email.toUpperCase())), "email",
                "This account already has a contact with this email address.");
        assertFieldError(owner.post("/contacts/new", fields("Dee", "Lee", "not an address")), "email",
                "Enter a valid email address.");
        assertFieldError(owner.post("/contacts/new", fields("D".repeat(101), "Lee", "x@example.com")), "firstName",
                "This is too long.");
        assertFieldError(owner.post("/contacts/new", fields("D\u0007e", "Lee", "x@example.com")), "firstName",
                "invisible or control characters");
        assertFieldError(owner.post("/contacts/new", fields("Dee", "", "x@example.com")), "lastName",
                "Please fill in this field.");
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("subscriptions", "nonsense");
        odd.put("country", "France");
        assertThat(owner.post("/contacts/new", odd).status()).isEqualTo(200);
        assertThat(owner.get("/contacts?page=-4&q=%25%27").status()).isEqualTo(200);
        assertThat(owner.get("/contacts/abc/edit").status()).isIn(400, 404);
        assertThat(contactCount(a)).isEqualTo(1);

        // a contact may share an address with a user, and another account may have the same contact
        assertThat(owner.post("/contacts/new", fields("Olga", "Owner", o.email())).status()).isEqualTo(302);
        Visitor other = in(b, bo);
        other.get("/contacts/new");
        assertThat(other.post("/contacts/new", fields("Dee", "Lee", email)).status()).isEqualTo(302);
    }

    @Test
    void anotherAccountsContactIsNotFoundOnEveryRoute() {
        Visitor other = in(b, bo);
        other.get("/contacts/new");
        String email = Registrations.uniqueEmail("bea");
        other.post("/contacts/new", fields("Bea", "Bee", email));
        long theirs = contactId(email);

        Visitor owner = in(a, o);
        owner.get("/contacts");
        assertThat(owner.get("/contacts/" + theirs + "/edit").status()).isEqualTo(404);
        assertThat(owner.get("/contacts/" + theirs + "/delete").status()).isEqualTo(404);
        assertThat(owner.post("/contacts/" + theirs + "/edit", fields("X", "Y", "x@example.com")).status())
                .isEqualTo(404);
        assertThat(owner.post("/contacts/" + theirs + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(owner.get("/contacts?q=bea").html().select("#contact-" + theirs)).isEmpty();
        assertThat(contactId(email)).isEqualTo(theirs);
    }

    @Test
    void withoutThePermissionOrTheCsrfTokenNothingHappens() {
        Visitor invoices = in(a, n);
        assertThat(invoices.get("/contacts").status()).isEqualTo(403);
        assertThat(invoices.get("/contacts/new").status()).isEqualTo(403);
        assertThat(invoices.post("/contacts/new", fields("Eve", "Lee", "eve@example.com")).status()).isEqualTo(403);
        assertThat(invoices.get("/profile").html().select("a[href=/contacts]")).isEmpty();

        Visitor owner = in(a, o);
        owner.get("/contacts/new");
        String email = Registrations.uniqueEmail("fay");
        owner.post("/contacts/new", fields("Fay", "Lee", email));
        long id = contactId(email);
        Map<String, String> noToken = new LinkedHashMap<>(Map.of("firstName", "Z", "lastName", "Z", "email",
                "z@example.com"));
        assertThat(owner.postRaw("/contacts/new", noToken).status()).isEqualTo(403);
        assertThat(owner.postRaw("/contacts/" + id + "/edit", noToken).status()).isEqualTo(403);
        assertThat(owner.postRaw("/contacts/" + id + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(contactId(email)).isEqualTo(id);
        assertThat(contactCount(a)).isEqualTo(1);
        assertThat(new Visitor(port).get("/contacts").status()).isEqualTo(302);
    }

    @Test
    void inviteAsUserPrefillsTheAddress() {
        Visitor owner = in(a, o);
        Page invite = owner.get("/users/invite?email=ivy@example.com");
        assertThat(invite.html().selectFirst("#email").val()).isEqualTo("ivy@example.com");
        assertThat(owner.get("/users/invite").html().selectFirst("#email").val()).isEmpty();
    }

    @Test
    void theLinkFromTheConfirmationEmailConfirmsOnlyWhenTheButtonIsPressed() {
        Visitor owner = in(a, o);
        owner.get("/contacts/new");
        String email = Registrations.uniqueEmail("cleo");
        owner.post("/contacts/new", fields("Cleo", "Lee", email, "invoice", "domain"));
        long id = contactId(email);

        MimeMessage message = mailbox.awaitSubject(email, "wants to send you its notifications");
        String text = Mailbox.text(message).replace("=\r\n", "").replace("=\n", "");
        assertThat(text).contains("Invoices, Domains");
        String link = Mailbox.link(message, "/contacts/confirm");
        assertThat(link).contains("/contacts/confirm?token=");
        assertThat(recipients.of(a, Category.INVOICE)).extracting(EmailAddress::value).containsExactly(o.email());

        Visitor contact = new Visitor(port);
        Page page = contact.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("wants to send you its Invoices, Domains notifications at " + email);
        assertThat(confirmed(id)).isFalse();
        assertThat(contact.postRaw("/contacts/confirm", Map.of("token", token(link))).status()).isEqualTo(403);
        assertThat(confirmed(id)).isFalse();

        Page done = contact.post("/contacts/confirm", Map.of("token", token(link)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html().selectFirst("#confirmed")).isNotNull();
        assertThat(confirmed(id)).isTrue();
        assertThat(audit(a)).contains("contact.confirmed");
        assertThat(recipients.of(a, Category.INVOICE)).extracting(EmailAddress::value)
                .containsExactly(o.email(), email);
        assertThat(recipients.of(a, Category.SUPPORT)).extracting(EmailAddress::value).containsExactly(o.email());
        assertThat(contact.get(link).status()).isEqualTo(404);
        assertThat(contact.get("/contacts/confirm?token=forged").status()).isEqualTo(404);

        // a changed address is unconfirmed again and gets its own confirmation email
        String newEmail = Registrations.uniqueEmail("cleo2");
        owner.get("/contacts/" + id + "/edit");
        owner.post("/contacts/" + id + "/edit", fields("Cleo", "Lee", newEmail, "invoice"));
        assertThat(confirmed(id)).isFalse();
        assertThat(Mailbox.link(mailbox.awaitSubject(newEmail, "wants to send you"), "/contacts/confirm"))
                .isNotEqualTo(link);
        assertThat(recipients.of(a, Category.INVOICE)).extracting(EmailAddress::value).containsExactly(o.email());
    }

    @Test
    void unsubscribeWorksThroughThePageAndByOneClickPostWithoutCsrf() {
        Visitor owner = in(a, o);
        owner.get("/contacts/new");
        String email = Registrations.uniqueEmail("ursa");
        owner.post("/contacts/new", fields("Ursa", "Lee", email, "invoice", "support", "product"));
        long id = contactId(email);

        String invoiceLink = transactions.execute(status -> links.unsubscribe(id, Category.INVOICE));
        Visitor contact = new Visitor(port);
        Page page = contact.get(invoiceLink);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Stop sending Invoices notifications");
        assertThat(subscriptions(id)).isEqualTo("invoice,support,product");
        Page done = contact.post(page.html().selectFirst("#contact-unsubscribe form").attr("action"), Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html().selectFirst("#unsubscribed")).isNotNull();
        assertThat(subscriptions(id)).isEqualTo("support,product");

        String supportLink = transactions.execute(status -> links.unsubscribe(id, Category.SUPPORT));
        Visitor mailClient = new Visitor(port);
        Page oneClick = mailClient.postRaw(supportLink, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(subscriptions(id)).isEqualTo("product");
        assertThat(mailClient.postRaw("/contacts/unsubscribe?token=forged",
                Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(404);
        assertThat(mailClient.postRaw("/contacts/unsubscribe", Map.of("List-Unsubscribe", "One-Click")).status())
                .isEqualTo(404);
        assertThat(subscriptions(id)).isEqualTo("product");
        assertThat(audit(a)).containsSubsequence("contact.unsubscribed", "contact.unsubscribed");
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private boolean confirmed(long id) {
        return jdbc.sql("SELECT email_confirmed FROM contacts WHERE id = ?").param(id).query(Boolean.class).single();
    }

    private String subscriptions(long id) {
        return jdbc.sql("SELECT subscriptions FROM contacts WHERE id = ?").param(id).query(String.class).single();
    }

    static List<Map.Entry<String, String>> fields(String first, String last, String email, String... categories) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("firstName", first),
                Map.entry("lastName", last), Map.entry("email", email), Map.entry("country", "gb")));
        for (String category : categories) {
            fields.add(Map.entry("subscriptions", category));
        }
        return fields;
    }

    private static void assertFieldError(Page page, String field, String message) {
        assertThat(page.status()).as(field).isEqualTo(200);
        assertThat(page.html().selectFirst("#" + field + "-error")).as(field).isNotNull();
        assertThat(page.html().selectFirst("#" + field + "-error").text()).contains(message);
    }

    Visitor in(long accountId, Person person) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/accounts");
        assertThat(visitor.post("/accounts/" + accountId + "/select", Map.of()).status()).isEqualTo(302);
        return visitor;
    }

    private void join(long accountId, Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    long contactId(String email) {
        return jdbc.sql("SELECT id FROM contacts WHERE email = ?").param(email).query(Long.class).single();
    }

    private int contactCount(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM contacts WHERE account_id = ?").param(accountId).query(Integer.class)
                .single();
    }

    private List<String> audit(long accountId) {
        return jdbc.sql("SELECT action FROM audit_events WHERE account_id = ? ORDER BY id").param(accountId)
                .query(String.class).list();
    }
}
