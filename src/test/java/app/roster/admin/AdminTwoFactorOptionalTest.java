package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** With roster.admin.require-two-factor=false (as the tests run): enrolment is offered, and may be undone. */
@IntegrationTest
class AdminTwoFactorOptionalTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aStaffMemberTurnsTheirOwnTwoFactorOnAndOffWhenItIsNotRequired() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        long id = new Database(jdbc, encoder).support(email, PASSWORD);
        Visitor staff = StaffMembers.loggedIn(port, email, PASSWORD);
        assertThat(staff.get("/admin").status()).as("not forced to enrol").isEqualTo(200);

        Visitor.Page setup = staff.get("/admin/two-factor/setup");
        assertThat(setup.html().selectFirst("#two-factor-required")).isNull();
        String secret = setup.html().selectFirst("#secret").text();
        staff.post("/admin/two-factor/setup", Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep())));
        Visitor.Page status = staff.get("/admin/two-factor/setup");
        assertThat(status.html().select("form[action$=/admin/two-factor/disable]")).isNotEmpty();

        staff.post("/admin/two-factor/disable", Map.of());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = ? AND totp_secret IS NULL").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'admin.staff.two_factor_disabled' "
                + "AND actor_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }
}
