package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The client page's Contacts section: staff add, edit and delete a client's contacts, over HTTP. */
@IntegrationTest
class AdminContactsTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    private final Mailbox mailbox = Mailbox.shared();

    Visitor staff;
    long staffId;
    Person owner;
    long account;

    @BeforeEach
    void loggedInStaffAndAnAccount() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = new Database(jdbc, encoder).staff(email, PASSWORD);
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/admin");
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
    }

    @Test
    void staffAddEditAndDeleteAContactWithTheSameRulesEmailAndAudit() {
        Visitor.Page page = staff.get(contacts());
        assertThat(page.html().select("#contacts").text()).contains("Contacts");
        assertThat(page.text()).contains("This client has no contacts.");
        assertThat(page.html().selectFirst("#add-contact").attr("href")).isEqualTo(contacts() + "/new");

        Visitor.Page form = staff.get(contacts() + "/new");
        assertThat(form.status()).isEqualTo(200);
        for (String id : List.of("firstName", "lastName", "email", "country", "subscription-invoice")) {
            assertThat(form.html().select("label[for=" + id + "]")).as(id).hasSize(1);
        }
        Visitor.Page refused = staff.post(contacts() + "/new", fields("Cora", "", "not-an-address", "invoice"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#email-error").text()).isEqualTo("Enter a valid email address.");
        assertThat(count()).isZero();

        String email = Registrations.uniqueEmail("cora");
        Visitor.Page added = staff.post(contacts() + "/new", fields("Cora", "Lee", email, "invoice", "support"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).contains(contacts());
        long contactId = jdbc.sql("SELECT id FROM contacts WHERE account_id = ? AND email = ?").params(account, email)
                .query(Long.class).single();
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id, details FROM audit_events WHERE action = 'contact.added' AND account_id = ?""")
                .param(account).query().singleRow();
        assertThat(audit.get("actor_type")).isEqualTo("STAFF");
        assertThat(((Number) audit.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat(Mailbox.link(mailbox.awaitSubject(email, "wants to send you"), "/contacts/confirm"))
                .contains("/contacts/confirm?token=");

        Visitor.Page listed = staff.get(contacts());
        String row = listed.html().select("#contact-" + contactId).text();
        assertThat(row).contains("Cora Lee", email, "Invoices, Support", "Not confirmed");
        assertThat(listed.html().select("#notice").text()).contains(email);

        Visitor.Page edit = staff.get(contact(contactId) + "/edit");
        assertThat(edit.html().selectFirst("input[name=firstName]").val()).isEqualTo("Cora");
        Visitor.Page saved = staff.post(contact(contactId) + "/edit", fields("Cordelia", "Lee", email, "general"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT first_name || ',' || subscriptions FROM contacts WHERE id = ?").param(contactId)
                .query(String.class).single()).isEqualTo("Cordelia,general");
        assertThat(jdbc.sql("""
                SELECT actor_type FROM audit_events WHERE action = 'contact.changed' AND account_id = ?""")
                .param(account).query(String.class).single()).isEqualTo("STAFF");
        jdbc.sql("UPDATE contacts SET email_confirmed = TRUE WHERE id = ?").param(contactId).update();
        assertThat(staff.get(contacts()).html().select("#contact-" + contactId).text())
                .contains("Cordelia Lee", "General", "Confirmed").doesNotContain("Not confirmed");

        Visitor.Page question = staff.get(contact(contactId) + "/delete");
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.html().selectFirst("#delete-question").text()).contains("Cordelia Lee", email);
        assertThat(count()).isOne();
        Visitor.Page deleted = staff.post(contact(contactId) + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(count()).isZero();
        assertThat(jdbc.sql("""
                SELECT actor_type FROM audit_events WHERE action = 'contact.deleted' AND account_id = ?""")
                .param(account).query(String.class).single()).isEqualTo("STAFF");
        assertThat(staff.get(contacts()).text()).contains("This client has no contacts.");
    }

    @Test
    void anotherClientsContactIsNotFoundAndStaysUntouched() {
        Person outsider = registrations.registerVerified("Otto");
        long otherAccount = registrations.accountOf(outsider);
        staff.get("/admin/clients/" + otherAccount + "/contacts/new");
        String email = Registrations.uniqueEmail("foreign");
        assertThat(staff.post("/admin/clients/" + otherAccount + "/contacts/new", fields("Fay", "Far", email))
                .status()).isEqualTo(302);
        long foreign = jdbc.sql("SELECT id FROM contacts WHERE account_id = ?").param(otherAccount)
                .query(Long.class).single();
        staff.get(clientPage());

        assertThat(staff.get(contact(foreign) + "/edit").status()).isEqualTo(404);
        assertThat(staff.post(contact(foreign) + "/edit", fields("X", "Y", email)).status()).isEqualTo(404);
        assertThat(staff.get(contact(foreign) + "/delete").status()).isEqualTo(404);
        assertThat(staff.post(contact(foreign) + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(staff.get(contacts() + "/not-a-number/edit").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT first_name FROM contacts WHERE id = ?").param(foreign).query(String.class)
                .single()).isEqualTo("Fay");
    }

    @Test
    void aPostWithoutCsrfTokenIsForbiddenAndAClientAreaUserReachesNothing() {
        staff.get(contacts() + "/new");
        Visitor.Page noToken = staff.postRaw(contacts() + "/new",
                Map.of("firstName", "Nico", "lastName", "Token", "email", Registrations.uniqueEmail("nico")));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(count()).isZero();

        Visitor user = new Visitor(port);
        user.login(owner.email(), owner.password());
        for (String path : List.of(contacts() + "/new", clientPage())) {
            Visitor.Page page = user.get(path);
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).endsWith("/admin/login");
        }
        Visitor.Page post = user.post(contacts() + "/new", fields("Uma", "User", Registrations.uniqueEmail("uma")));
        assertThat(post.status()).isIn(302, 403);
        assertThat(String.valueOf(post.location())).doesNotContain("/admin/clients");
        assertThat(count()).isZero();
    }

    @Test
    void theContactsTabPagesBy25AndSearchesKeepingTheQuery() {
        for (int i = 0; i < 27; i++) {
            jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, "
                    + "created_at) VALUES (?, ?, ?, ?, 'general', ?, CURRENT_TIMESTAMP)")
                    .params(account, "Pat" + i, String.format("Page%02d", i), "pat" + i + "@example.com", i % 2 == 0)
                    .update();
        }
        jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, created_at) "
                + "VALUES (?, 'Quinn', 'Other', 'quinn@example.com', CURRENT_TIMESTAMP)").param(account).update();

        Visitor.Page first = staff.get(contacts() + "?q=page");
        assertThat(first.html().select("#contacts-table tbody tr")).hasSize(25);
        assertThat(first.text()).contains("27 contacts", "Page 1 of 2").doesNotContain("Quinn");
        String next = first.html().selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("q=page").contains("page=2");
        Visitor.Page second = staff.get(next);
        assertThat(second.html().select("#contacts-table tbody tr")).hasSize(2);
        assertThat(second.html().select("#contacts-table").text()).contains("Pat26 Page26");

        Visitor.Page none = staff.get(contacts() + "?q=nobody");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.html().select("#contacts-empty").text()).contains("No contact matches");
        assertThat(staff.get(contacts() + "?page=abc").html().select("#contacts-table tbody tr")).hasSize(25);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM contacts WHERE account_id = ?").param(account).query(Long.class).single();
    }

    private String clientPage() {
        return "/admin/clients/" + account;
    }

    private String contacts() {
        return clientPage() + "/contacts";
    }

    private String contact(long contactId) {
        return contacts() + "/" + contactId;
    }

    private static List<Map.Entry<String, String>> fields(String first, String last, String email,
            String... categories) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("firstName", first),
                Map.entry("lastName", last), Map.entry("email", email), Map.entry("country", "gb")));
        for (String category : categories) {
            fields.add(Map.entry("subscriptions", category));
        }
        return fields;
    }
}
