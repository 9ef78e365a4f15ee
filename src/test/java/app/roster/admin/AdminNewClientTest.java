package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
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

/** Staff "Add New Client": an existing user or a new one as owner, in one audited transaction. */
@IntegrationTest
class AdminNewClientTest {

    private static final String PASSWORD = "amber falcon river slate";
    private static final String NEW = "/admin/clients/new";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    private final Mailbox mailbox = Mailbox.shared();

    Database database;
    Visitor staff;
    long staffId;
    String name;

    @BeforeEach
    void loggedInStaff() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/admin");
        name = "Nordlicht " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anExistingUserFoundByTheSearchOwnsTheNewClientAndSeesItAtLogin() {
        Person max = registrations.registerVerified("Max");
        String prefix = max.email().substring(0, max.email().indexOf('@'));
        assertThat(staff.get("/admin").html().selectFirst("#add-client").attr("href")).isEqualTo(NEW);

        Visitor.Page search = staff.htmxGet(NEW + "?q=" + prefix.toUpperCase());
        assertThat(search.html().select("#search-results a").eachAttr("href")).containsExactly(NEW + "?userId=" + max.id());
        Visitor.Page chosen = staff.get(NEW + "?userId=" + max.id());
        assertThat(chosen.html().select("#selected-user").text()).contains("Max Tester", max.email());
        for (String id : List.of("user-search", "name", "companyName", "address1", "country", "phone", "taxId")) {
            assertThat(chosen.html().select("label[for=" + id + "]")).as(id).hasSize(1);
        }

        Visitor.Page done = staff.post(NEW, details("userId", String.valueOf(max.id())));

        assertThat(done.status()).isEqualTo(302);
        long account = accountNamed(name);
        assertThat(done.location()).endsWith("/admin/clients/" + account);
        Map<String, Object> row = jdbc.sql("SELECT owner_user_id, company_name, country, phone, tax_id, status "
                + "FROM accounts WHERE id = ?").param(account).query().singleRow();
        assertThat(((Number) row.get("owner_user_id")).longValue()).isEqualTo(max.id());
        assertThat(row.get("company_name")).isEqualTo("Nordlicht GmbH");
        assertThat(row.get("country")).isEqualTo("DE");
        assertThat(row.get("tax_id")).isEqualTo("DE999");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(audit("admin.client.created", account)).isEqualTo("STAFF:" + staffId);
        assertThat(audit("account.opened", account)).isEqualTo("STAFF:" + staffId);
        assertThat(staff.get(done.location()).html().select("#notice").text()).contains(name);

        Visitor.Page accounts = new Visitor(port).login(max.email(), max.password());
        assertThat(accounts.text()).contains(name);
    }

    @Test
    void aNewUserOwnsTheNewClientAndSetsTheirPasswordFromTheEmail() {
        String email = Registrations.uniqueEmail("nora");
        staff.get(NEW);

        Visitor.Page done = staff.post(NEW, details("email", " " + email.toUpperCase() + " ", "firstName", "Nora",
                "lastName", "Neu", "language", "de"));

        assertThat(done.status()).isEqualTo(302);
        long userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
        long account = accountNamed(name);
        assertThat(jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(account).query(Long.class).single())
                .isEqualTo(userId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, userId).query(Integer.class).single()).isOne();
        assertThat(auditOfUser("user.created_by_staff", userId)).isEqualTo("STAFF:" + staffId);
        MimeMessage message = mailbox.awaitMessage(email, 1);
        assertThat(Mailbox.link(message, "/password/reset")).contains("/password/reset?token=");
    }

    @Test
    void eachProblemShowsNextToItsFieldAndNothingIsCreated() {
        Person taken = registrations.registerVerified("Tara");
        staff.get(NEW);

        Visitor.Page noOwner = staff.post(NEW, details());
        assertThat(noOwner.status()).isEqualTo(200);
        assertThat(noOwner.html().select("#email-problem").text()).contains("Select an existing user");

        Visitor.Page badEmail = staff.post(NEW, details("email", "not-an-address", "firstName", "A", "lastName", "B"));
        assertThat(badEmail.html().select("#email-problem").text()).isEqualTo("Enter a valid email address.");

        Visitor.Page exists = staff.post(NEW, details("email", taken.email(), "firstName", "A", "lastName", "B"));
        assertThat(exists.html().select("#email-problem").text()).contains("already belongs to a user");

        Map<String, String> noName = details("userId", String.valueOf(taken.id()));
        noName.put("name", "  ");
        noName.put("country", "Germany");
        Visitor.Page invalid = staff.post(NEW, noName);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.html().select("#name-error").text()).isNotBlank();
        assertThat(invalid.html().select("#country-error").text()).isEqualTo("Please choose a country from the list.");
        assertThat(invalid.html().select("#selected-user").text()).contains(taken.email());

        Visitor.Page unknownUser = staff.post(NEW, details("userId", "999999999"));
        assertThat(unknownUser.status()).isEqualTo(200);
        assertThat(unknownUser.html().select("#email-problem").text()).isNotBlank();
        Visitor.Page malformedUser = staff.post(NEW, details("userId", "abc"));
        assertThat(malformedUser.status()).isEqualTo(200);
        assertThat(malformedUser.html().select("#email-problem").text()).isNotBlank();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE name = ?").param(name).query(Integer.class).single())
                .isZero();
    }

    @Test
    void supportStaffAndClientUsersCannotAddAClientAndCsrfIsRequired() {
        String supportEmail = "support-" + UUID.randomUUID() + "@example.com";
        database.support(supportEmail, PASSWORD);
        Visitor support = new Visitor(port);
        support.get("/admin/login");
        support.post("/admin/login", Map.of("email", supportEmail, "password", PASSWORD));
        assertThat(support.get("/admin").html().select("#add-client")).isEmpty();
        assertThat(support.get(NEW).status()).isEqualTo(403);
        Person person = registrations.registerVerified("Sue");
        assertThat(support.post(NEW, details("userId", String.valueOf(person.id()))).status()).isEqualTo(403);

        staff.get(NEW);
        Map<String, String> noToken = details("userId", String.valueOf(person.id()));
        assertThat(staff.postRaw(NEW, noToken).status()).isEqualTo(403);

        Visitor user = new Visitor(port);
        user.login(person.email(), person.password());
        Visitor.Page page = user.get(NEW);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/admin/login");
        assertThat(user.post(NEW, details("userId", String.valueOf(person.id()))).status()).isIn(302, 403);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE name = ?").param(name).query(Integer.class).single())
                .isZero();
    }

    private Map<String, String> details(String... owner) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("companyName", "Nordlicht GmbH");
        fields.put("address1", "Hauptstr. 1");
        fields.put("city", "Berlin");
        fields.put("postcode", "10115");
        fields.put("country", "de");
        fields.put("phone", "+49 30 1234");
        fields.put("taxId", "DE999");
        for (int i = 0; i < owner.length; i += 2) {
            fields.put(owner[i], owner[i + 1]);
        }
        return fields;
    }

    private long accountNamed(String accountName) {
        return jdbc.sql("SELECT id FROM accounts WHERE name = ?").param(accountName).query(Long.class).single();
    }

    private String audit(String action, long account) {
        return jdbc.sql("SELECT actor_type || ':' || actor_id FROM audit_events WHERE action = ? AND account_id = ?")
                .params(action, account).query(String.class).single();
    }

    private String auditOfUser(String action, long userId) {
        return jdbc.sql("SELECT actor_type || ':' || actor_id FROM audit_events WHERE action = ? AND user_id = ?")
                .params(action, userId).query(String.class).single();
    }
}
