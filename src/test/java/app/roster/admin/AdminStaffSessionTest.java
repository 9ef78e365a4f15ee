package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A change to a staff login applies to its open sessions at their very next request. */
@IntegrationTest
class AdminStaffSessionTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    String adminEmail;
    String otherEmail;
    long otherId;

    @BeforeEach
    void staff() {
        Database database = new Database(jdbc, encoder);
        adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        database.staff(adminEmail, PASSWORD);
        otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        otherId = database.support(otherEmail, PASSWORD);
    }

    @Test
    void disablingAStaffMemberLogsTheirOpenSessionOutAtTheNextRequest() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);
        Visitor other = StaffMembers.loggedIn(port, otherEmail, PASSWORD);
        assertThat(other.get("/admin").status()).isEqualTo(200);

        admin.get("/admin/staff/" + otherId + "/disable");
        admin.post("/admin/staff/" + otherId + "/disable", Map.of());

        Visitor.Page next = other.get("/admin");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).endsWith("/admin/login");
        admin.post("/admin/staff/" + otherId + "/enable", Map.of());
        assertThat(other.get("/admin").status()).as("enabling again does not revive the ended session").isEqualTo(302);
        other.get("/admin/login");
        assertThat(other.post("/admin/login", Map.of("email", otherEmail, "password", PASSWORD)).location())
                .endsWith("/admin");
    }

    @Test
    void aDisabledStaffMemberCannotLogIn() {
        jdbc.sql("UPDATE staff SET disabled = TRUE WHERE id = ?").param(otherId).update();
        Visitor other = new Visitor(port);
        other.get("/admin/login");

        assertThat(other.post("/admin/login", Map.of("email", otherEmail, "password", PASSWORD)).location())
                .endsWith("/admin/login?error");
    }

    @Test
    void aDeletedStaffMemberIsLoggedOutAtTheNextRequest() {
        Visitor other = StaffMembers.loggedIn(port, otherEmail, PASSWORD);

        jdbc.sql("DELETE FROM staff WHERE id = ?").param(otherId).update();

        assertThat(other.get("/admin").location()).endsWith("/admin/login");
    }

    @Test
    void aRoleChangeAppliesToTheOpenSessionAtTheNextRequest() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);
        Visitor other = StaffMembers.loggedIn(port, otherEmail, PASSWORD);
        assertThat(other.get("/admin/staff").status()).isEqualTo(403);

        admin.get("/admin/staff/" + otherId);
        admin.post("/admin/staff/" + otherId + "/role", Map.of("role", "ADMINISTRATOR"));

        assertThat(other.get("/admin/staff").status()).as("promoted at once").isEqualTo(200);
        assertThat(other.get("/admin").html().select("a[href$=/admin/staff]")).isNotEmpty();

        admin.get("/admin/staff/" + otherId);
        admin.post("/admin/staff/" + otherId + "/role", Map.of("role", "SUPPORT"));

        assertThat(other.get("/admin/staff").status()).as("demoted at once").isEqualTo(403);
        other.get("/admin");
        assertThat(other.post("/admin/staff/" + otherId + "/role", Map.of("role", "ADMINISTRATOR")).status())
                .isEqualTo(403);
    }
}
