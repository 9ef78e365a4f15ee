package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.RawHttp;
import app.roster.support.Registrations.Person;
import app.roster.support.Registrations;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The Client Area and the Admin Area are two sessions in one browser, each with its own cookie. */
@IntegrationTest
class AreaSessionsIT {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    String staffEmail;
    Person jane;

    @BeforeEach
    void people() {
        staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        new Database(jdbc, encoder).staff(staffEmail, PASSWORD);
        jane = registrations.registerVerified("Jane");
    }

    @Test
    void loggingOutOfTheAdminAreaLeavesTheClientAreaLogin() {
        Visitor browser = bothAreas();

        browser.get("/admin");
        assertThat(browser.post("/admin/logout", Map.of()).location()).endsWith("/admin/login?logout");

        assertThat(browser.get("/admin").location()).endsWith("/admin/login");
        assertThat(browser.get("/profile").status()).isEqualTo(200);
    }

    @Test
    void loggingOutOfTheClientAreaLeavesTheStaffLogin() {
        Visitor browser = bothAreas();

        browser.get("/profile");
        assertThat(browser.post("/logout", Map.of()).location()).endsWith("/login?logout");

        assertThat(browser.get("/profile").location()).endsWith("/login");
        assertThat(browser.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void eachAreaHasItsOwnCookieAndServerSideSession() {
        Visitor browser = bothAreas();

        String client = browser.cookie("ROSTER_SESSION");
        String admin = browser.cookie("ROSTER_ADMIN_SESSION");
        assertThat(client).isNotNull();
        assertThat(admin).isNotNull().isNotEqualTo(client);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(jane.id())).query(Integer.class).single())
                .as("the staff login is not in the user's session").isEqualTo(1);
    }

    @Test
    void theAdminCookieIsLimitedToTheAdminArea() {
        Visitor staff = new Visitor(port);
        HttpHeaders headers = staff.headers("/admin/login");

        String cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("ROSTER_ADMIN_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Path=/admin").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(headers.allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ROSTER_SESSION="));
    }

    @Test
    void aClientAreaSessionCookieSentToTheAdminAreaIsNoStaffSession() {
        Visitor staff = StaffMembers.loggedIn(port, staffEmail, PASSWORD);
        String staffSession = staff.cookie("ROSTER_ADMIN_SESSION");
        Visitor user = new Visitor(port);
        user.login(jane.email(), jane.password());
        String userSession = user.cookie("ROSTER_SESSION");

        // The staff session under the Client Area's name, and a user's session under the Admin Area's.
        RawHttp.Answer staffIdAsClientCookie = RawHttp.get(port, "/admin", Map.of("Cookie", "ROSTER_SESSION=" + staffSession));
        RawHttp.Answer userIdAsAdminCookie = RawHttp.get(port, "/admin",
                Map.of("Cookie", "ROSTER_ADMIN_SESSION=" + userSession));
        RawHttp.Answer staffIdInTheClientArea = RawHttp.get(port, "/profile",
                Map.of("Cookie", "ROSTER_SESSION=" + staffSession));

        assertThat(staffIdAsClientCookie.status()).isEqualTo(302);
        assertThat(staffIdAsClientCookie.header("Location")).get().asString().endsWith("/admin/login");
        assertThat(userIdAsAdminCookie.status()).isEqualTo(302);
        assertThat(userIdAsAdminCookie.header("Location")).get().asString().endsWith("/admin/login");
        assertThat(staffIdInTheClientArea.header("Location")).get().asString().endsWith("/login");
        assertThat(staff.get("/admin").status()).as("the real staff session still works").isEqualTo(200);
    }

    @Test
    void anAdminAreaErrorPageStaysInTheAdminAreasSession() {
        Visitor staff = StaffMembers.loggedIn(port, staffEmail, PASSWORD);

        // Refused by Spring Security (no CSRF token): the error page is rendered in an error dispatch to /error.
        Visitor.Page refused = staff.postRaw("/admin/logout", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ROSTER_SESSION="));
        assertThat(staff.cookie("ROSTER_SESSION")).isNull();
        assertThat(staff.get("/admin").status()).isEqualTo(200);
    }

    private Visitor bothAreas() {
        Visitor browser = new Visitor(port);
        assertThat(browser.login(jane.email(), jane.password()).status()).isEqualTo(200);
        browser.get("/admin/login");
        assertThat(browser.post("/admin/login", Map.of("email", staffEmail, "password", PASSWORD)).location())
                .endsWith("/admin");
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/profile").status()).isEqualTo(200);
        return browser;
    }
}
