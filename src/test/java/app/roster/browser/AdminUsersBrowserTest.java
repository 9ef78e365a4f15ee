package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff find a user in the directory, open their page and disable them after a confirmation. */
@IntegrationTest
@PageTest
class AdminUsersBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void staffSearchOpenTheUserAndDisableThemAfterConfirmingAndTheUsersSessionEnds() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        Person olga = registrations.registerVerified("Olga");
        Visitor user = new Visitor(port);
        user.login(olga.email(), olga.password());
        assertThat(user.get("/profile").status()).isEqualTo(200);

        try (Browser staff = new Browser(port)) {
            staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                    .click("Log in").waitForPath("/admin");
            staff.click("Users").waitForPath("/admin/users");
            staff.fill("Name or email address starts with", olga.email()).click("Search");
            staff.waitForText("1 user");
            assertThat(staff.find("#user-" + olga.id()).getText()).contains(olga.email(), "Yes", "Off");

            staff.click("Olga Tester").waitForPath("/admin/users/" + olga.id());
            assertThat(staff.find("#user-details").getText()).contains(olga.email(), "Verified");
            staff.click("Disable").waitForPath("/admin/users/" + olga.id() + "/disable");
            assertThat(staff.find("#confirm-question").getText())
                    .isEqualTo("Disable Olga Tester (" + olga.email() + ")?");
            staff.find("form button[type=submit].btn-danger").click();

            staff.waitForPath("/admin/users/" + olga.id())
                    .waitForText("Olga Tester is disabled: their sessions have ended and they cannot log in.");
            assertThat(staff.find("#disabled-badge").getText()).isEqualTo("Disabled");
            staff.click("Enable").waitForText("Olga Tester can log in again.");
        }

        assertThat(user.get("/profile").location()).endsWith("/login");
    }
}
