package app.roster.admin;

import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class AdminLoginTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Registrations registrations;

    Database database;
    String staffEmail;
    long staffId;

    @BeforeEach
    void staffMember() {
        database = new Database(jdbc, encoder);
        staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(staffEmail, PASSWORD);
    }

    @Test
    void staffLogsInAtTheAdminLoginWithANewSessionId() {
        Visitor staff = new Visitor(port);
        assertThat(staff.get("/admin/login").status()).isEqualTo(200);
        String anonymousSession = staff.cookie("ROSTER_ADMIN_SESSION");

        Visitor.Page login = staff.post("/admin/login", Map.of("email", staffEmail.toUpperCase(), "password", PASSWORD));

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/admin");
        assertThat(staff.cookie("ROSTER_ADMIN_SESSION")).isNotNull().isNotEqualTo(anonymousSession);
        Visitor.Page clients = staff.get("/admin");
        assertThat(clients.status()).isEqualTo(200);
        assertThat(clients.body()).contains("Clients").contains(staffEmail);
        assertThat(jdbc.sql("SELECT last_login_at FROM staff WHERE id = ?").param(staffId).query().singleValue())
                .isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.login' AND actor_type = 'STAFF' "
                + "AND actor_id = ?").param(staffId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongPasswordAnswersExactlyLikeAnUnknownEmailOrAPendingSetup() {
        String pendingEmail = "pending-" + UUID.randomUUID() + "@example.com";
        database.staff(pendingEmail, null);

        Visitor.Page wrongPassword = attempt(staffEmail, "not the password at all");
        Visitor.Page unknownEmail = attempt("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);
        Visitor.Page pendingSetup = attempt(pendingEmail, "");

        for (Visitor.Page page : new Visitor.Page[] {unknownEmail, pendingSetup}) {
            assertThat(page.status()).isEqualTo(wrongPassword.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(wrongPassword.location());
        }
        assertThat(wrongPassword.location()).endsWith("/admin/login?error");
        Visitor visitor = new Visitor(port);
        assertThat(visitor.get("/admin/login?error").body()).contains("Wrong email address or password.");
    }

    @Test
    void adminPagesWithoutAStaffLoginRedirectToTheAdminLogin() {
        Visitor anonymous = new Visitor(port);

        for (String path : new String[] {"/admin", "/admin/clients/1"}) {
            Visitor.Page page = anonymous.get(path);
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).endsWith("/admin/login");
        }
    }

    @Test
    void aClientAreaUserCannotOpenTheAdminArea() {
        String userEmail = "user-" + UUID.randomUUID() + "@example.com";
        database.user(userEmail, PASSWORD, "Una", "User");
        Visitor user = new Visitor(port);
        user.get("/login");

        Visitor.Page login = user.post("/login", Map.of("email", userEmail, "password", PASSWORD));

        assertThat(login.location()).as("the client login itself worked").doesNotContain("error").endsWith("/");
        Visitor.Page admin = user.get("/admin");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.location()).endsWith("/admin/login");
        user.get("/admin/login");
        Visitor.Page userAtStaffLogin = user.post("/admin/login", Map.of("email", userEmail, "password", PASSWORD));
        assertThat(userAtStaffLogin.location()).endsWith("/admin/login?error");
    }

    @Test
    void aStaffLoginDoesNotOpenTheClientArea() {
        Visitor staff = loggedInStaff();

        Visitor.Page clientArea = staff.get("/profile");

        assertThat(clientArea.status()).isEqualTo(302);
        assertThat(clientArea.location()).endsWith("/login");
        assertThat(staff.get("/admin").status()).as("still logged in as staff").isEqualTo(200);
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");

        Visitor.Page login = visitor.postRaw("/admin/login", Map.of("email", staffEmail, "password", PASSWORD));

        assertThat(login.status()).isEqualTo(403);
        assertThat(visitor.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void logoutEndsTheStaffSession() {
        Visitor staff = loggedInStaff();

        Visitor.Page logout = staff.post("/admin/logout", Map.of());

        assertThat(logout.location()).endsWith("/admin/login?logout");
        Visitor.Page admin = staff.get("/admin");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.location()).endsWith("/admin/login");
    }

    @Test
    void aStaffLogoutLeavesTheSameBrowsersClientAreaLoginAlone() {
        Person user = registrations.registerVerified("Uma");
        Visitor browser = new Visitor(port);
        browser.login(user.email(), user.password());
        browser.get("/admin/login");
        assertThat(browser.post("/admin/login", Map.of("email", staffEmail, "password", PASSWORD)).location())
                .endsWith("/admin");
        assertThat(browser.get("/profile").status()).isEqualTo(200);

        // From an Admin Area page: the two areas are two sessions, each with its own CSRF token.
        browser.get("/admin");
        browser.post("/admin/logout", Map.of());

        assertThat(browser.get("/admin").location()).endsWith("/admin/login");
        assertThat(browser.get("/profile").status()).as("still signed in to the Client Area").isEqualTo(200);
    }

    private Visitor.Page attempt(String email, String password) {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");
        return visitor.post("/admin/login", Map.of("email", email, "password", password));
    }

    private Visitor loggedInStaff() {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", staffEmail, "password", PASSWORD)).location())
                .endsWith("/admin");
        staff.get("/admin");
        return staff;
    }
}
