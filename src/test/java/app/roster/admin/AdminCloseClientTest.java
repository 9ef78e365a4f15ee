package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Editing a client's details, closing and reopening it: Administrators only, confirmed, audited. */
@IntegrationTest
class AdminCloseClientTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    Database database;
    Visitor staff;
    long staffId;
    Person owner;
    long account;

    @BeforeEach
    void loggedInStaffAndAClient() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staff = login(email);
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
    }

    @Test
    void closingEndsTheUsersAccessOnTheirNextRequestAndReopeningGivesItBack() {
        Visitor user = new Visitor(port);
        assertThat(user.login(owner.email(), owner.password()).status()).isEqualTo(200);
        assertThat(user.get("/").status()).isEqualTo(200);

        Visitor.Page profile = staff.get(client());
        assertThat(profile.html().selectFirst("#close-client").attr("href")).isEqualTo(client() + "/close");
        assertThat(profile.html().selectFirst("#delete-client").attr("href")).isEqualTo(client() + "/delete");
        Visitor.Page question = staff.get(client() + "/close");
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.html().select("#close-question").text()).contains("Close");
        assertThat(status()).isEqualTo("ACTIVE");

        Visitor.Page closed = staff.post(client() + "/close", Map.of());

        assertThat(closed.status()).isEqualTo(302);
        assertThat(closed.location()).endsWith(client());
        assertThat(status()).isEqualTo("CLOSED");
        assertThat(audits("account.closed")).containsExactly("STAFF:" + staffId);
        Visitor.Page after = user.get("/");
        assertThat(after.status()).as("the closed account no longer opens").isNotEqualTo(200);
        Visitor.Page closedPage = staff.get(client());
        assertThat(closedPage.html().select("#closed-banner")).hasSize(1);
        assertThat(closedPage.html().select("#close-client, #edit-profile")).isEmpty();
        assertThat(staff.get(client() + "/users").html().select("#associate-user")).isEmpty();
        assertThat(staff.get(client() + "/profile/edit").status()).isEqualTo(404);
        assertThat(staff.get("/admin?q=" + account).html().select("tbody tr").text()).contains("Closed");

        assertThat(staff.post(client() + "/close", Map.of()).status()).isEqualTo(302);
        assertThat(audits("account.closed")).as("closing twice changes nothing").hasSize(1);

        staff.get(client() + "/reopen");
        assertThat(staff.post(client() + "/reopen", Map.of()).status()).isEqualTo(302);
        assertThat(status()).isEqualTo("ACTIVE");
        assertThat(audits("account.reopened")).containsExactly("STAFF:" + staffId);
        assertThat(user.open("/").status()).isEqualTo(200);
    }

    @Test
    void staffEditTheDetailsWithErrorsNextToTheFieldsAndEachChangeAudited() {
        Visitor.Page form = staff.get(client() + "/profile/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("label[for=companyName]")).hasSize(1);

        Map<String, String> bad = profile("", "Olga AG", "France");
        Visitor.Page refused = staff.post(client() + "/profile/edit", bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#name-error").text()).isNotBlank();
        assertThat(refused.html().select("#country-error").text()).isEqualTo("Please choose a country from the list.");

        Visitor.Page saved = staff.post(client() + "/profile/edit", profile("Olga Hosting", "Olga AG", "ch"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith(client());
        assertThat(jdbc.sql("SELECT name || '/' || company_name || '/' || country FROM accounts WHERE id = ?")
                .param(account).query(String.class).single()).isEqualTo("Olga Hosting/Olga AG/CH");
        assertThat(audits("account.profile_updated")).containsExactly("STAFF:" + staffId);
        assertThat(staff.get(client()).html().select("#notice").text()).contains("Olga Hosting");
    }

    @Test
    void supportStaffReadEveryTabButCannotEditOrCloseNorSeeTheButtons() {
        String email = "support-" + UUID.randomUUID() + "@example.com";
        database.support(email, PASSWORD);
        Visitor support = login(email);
        for (String tab : List.of("", "/users", "/contacts")) {
            Visitor.Page page = support.get(client() + tab);
            assertThat(page.status()).as(tab).isEqualTo(200);
            assertThat(page.html().select("#edit-profile, #close-client, #reopen-client, #delete-client, "
                    + "#associate-user, #add-contact, #allowed-domains")).as(tab).isEmpty();
        }
        for (String path : List.of("/profile/edit", "/close", "/reopen", "/associate", "/contacts/new")) {
            assertThat(support.get(client() + path).status()).as(path).isEqualTo(403);
        }
        assertThat(support.post(client() + "/profile/edit", profile("Hacked", null, null)).status()).isEqualTo(403);
        assertThat(support.post(client() + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(support.post(client() + "/reopen", Map.of()).status()).isEqualTo(403);
        assertThat(support.post(client() + "/domains", Map.of("domains", "x.example")).status()).isEqualTo(403);
        assertThat(status()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT name FROM accounts WHERE id = ?").param(account).query(String.class).single())
                .isNotEqualTo("Hacked");
    }

    @Test
    void csrfIsRequiredAndClientUsersNeverReachTheseAdminPages() {
        staff.get(client() + "/close");
        assertThat(staff.postRaw(client() + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(staff.postRaw(client() + "/profile/edit", profile("No Token", null, null)).status()).isEqualTo(403);
        assertThat(status()).isEqualTo("ACTIVE");

        Visitor user = new Visitor(port);
        user.login(owner.email(), owner.password());
        for (String path : List.of("", "/users", "/contacts", "/profile/edit", "/close", "/reopen")) {
            Visitor.Page page = user.get(client() + path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/admin/login");
        }
        assertThat(user.get("/admin/clients/new").location()).endsWith("/admin/login");
        assertThat(user.post(client() + "/close", Map.of()).status()).isIn(302, 403);
        assertThat(status()).isEqualTo("ACTIVE");
    }

    private Visitor login(String email) {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");
        assertThat(visitor.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/admin");
        return visitor;
    }

    private Map<String, String> profile(String name, String company, String country) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("companyName", company == null ? "" : company);
        fields.put("country", country == null ? "" : country);
        return fields;
    }

    private String client() {
        return "/admin/clients/" + account;
    }

    private String status() {
        return jdbc.sql("SELECT status FROM accounts WHERE id = ?").param(account).query(String.class).single();
    }

    private List<String> audits(String action) {
        return jdbc.sql("SELECT actor_type || ':' || actor_id FROM audit_events WHERE action = ? AND account_id = ?")
                .params(action, account).query(String.class).list();
    }
}
