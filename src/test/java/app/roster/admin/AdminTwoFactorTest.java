package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import app.roster.user.SecretEncryption;
import app.roster.user.TwoFactor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Two-factor for staff as shipped: required, so enrolment is forced and every login asks for a code. */
@IntegrationTest
@WithSettings("roster.admin.require-two-factor=true")
class AdminTwoFactorTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    SecretEncryption encryption;
    @Autowired
    TwoFactor twoFactor;

    Database database;
    String email;
    long staffId;

    @BeforeEach
    void staffMember() {
        database = new Database(jdbc, encoder);
        email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.support(email, PASSWORD);
    }

    @Test
    void aStaffMemberWithoutTwoFactorIsSentToEnrolFromEveryPageUntilDone() {
        Visitor staff = passwordOnly(email);
        for (String path : List.of("/admin", "/admin/users", "/admin/clients/1", "/admin/staff")) {
            Visitor.Page page = staff.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/admin/two-factor/setup");
        }
        Visitor.Page setup = staff.get("/admin/two-factor/setup");
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.html().selectFirst("#two-factor-required")).isNotNull();
        assertThat(setup.html().selectFirst("img.qr-code").attr("src")).startsWith("data:image/png;base64,");
        String secret = setup.html().selectFirst("#secret").text();
        assertThat(staff.post("/admin/clients/1/invites/1/resend", Map.of()).location())
                .as("not even an allowed POST").endsWith("/admin/two-factor/setup");

        Visitor.Page wrong = staff.post("/admin/two-factor/setup", Map.of("code", TotpCodes.wrong(secret)));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html().selectFirst("#code-error").text()).contains("not valid");
        assertThat(staff.post("/admin/two-factor/setup", Map.of("code", "12ab")).status()).isEqualTo(200);
        assertThat(staff.post("/admin/two-factor/setup", Map.of("code", "9".repeat(100))).status()).isEqualTo(200);
        String enrolCode = TotpCodes.code(secret, TotpCodes.currentStep());
        Visitor.Page done = staff.post("/admin/two-factor/setup", Map.of("code", enrolCode));

        assertThat(done.location()).endsWith("/admin");
        assertThat(staff.get("/admin").status()).isEqualTo(200);
        String stored = jdbc.sql("SELECT totp_secret FROM staff WHERE id = ?").param(staffId).query(String.class).single();
        assertThat(stored).as("stored encrypted").isNotEqualTo(secret);
        assertThat(encryption.decrypt(stored)).isEqualTo(secret);
        assertThat(audited("admin.staff.two_factor_enabled")).isEqualTo(1);

        Visitor.Page status = staff.get("/admin/two-factor/setup");
        assertThat(status.html().selectFirst("#two-factor-on")).isNotNull();
        assertThat(status.html().select("form[action$=/admin/two-factor/disable]")).as("no way to turn it off").isEmpty();
        staff.post("/admin/two-factor/disable", Map.of());
        assertThat(enrolled()).as("required: it stays on").isTrue();

        Visitor again = atCodeStep(email);
        assertThat(again.post("/admin/two-factor", Map.of("code", enrolCode)).status())
                .as("the code typed to enrol counts as used").isEqualTo(200);
    }

    @Test
    void loginAsksForTheCodeBeforeTheSessionIsAuthenticatedAndACodeWorksOnce() {
        String secret = enrol();
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");

        Visitor.Page password = staff.post("/admin/login", Map.of("email", email, "password", PASSWORD));

        assertThat(password.location()).endsWith("/admin/two-factor");
        assertThat(staff.get("/admin").location()).as("not logged in yet").endsWith("/admin/login");
        Visitor.Page form = staff.get("/admin/two-factor");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().selectFirst("label[for=code]")).isNotNull();

        Visitor.Page wrong = staff.post("/admin/two-factor", Map.of("code", TotpCodes.wrong(secret)));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html().selectFirst("#code-error").text()).contains("not valid");
        assertThat(staff.get("/admin").location()).endsWith("/admin/login");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.login_failed' AND details LIKE ?")
                .param("%" + email + "%").query(Long.class).single()).isEqualTo(1);

        String code = TotpCodes.code(secret, TotpCodes.currentStep() + 1);
        Visitor.Page right = staff.post("/admin/two-factor", Map.of("code", code));
        assertThat(right.location()).endsWith("/admin");
        assertThat(staff.get("/admin").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'staff.login' AND actor_id = ?")
                .param(staffId).query(Long.class).single()).isEqualTo(1);

        Visitor replay = atCodeStep(email);
        Visitor.Page replayed = replay.post("/admin/two-factor", Map.of("code", code));
        assertThat(replayed.status()).as("a replayed code is refused").isEqualTo(200);
        assertThat(replayed.html().selectFirst("#code-error")).isNotNull();
        assertThat(replay.get("/admin").location()).endsWith("/admin/login");
    }

    @Test
    void wrongCodesEndTheStepAfterFiveAttemptsAndTheCodePageNeedsAPassword() {
        String secret = enrol();
        assertThat(new Visitor(port).get("/admin/two-factor").location()).endsWith("/admin/login");
        Visitor staff = atCodeStep(email);

        for (int attempt = 0; attempt < 5; attempt++) {
            staff.post("/admin/two-factor", Map.of("code", TotpCodes.wrong(secret)));
        }
        Visitor.Page after = staff.post("/admin/two-factor",
                Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep() + 1)));

        assertThat(after.location()).endsWith("/admin/login?expired");
        assertThat(staff.get("/admin").location()).endsWith("/admin/login");
        assertThat(staff.postRaw("/admin/two-factor", Map.of("code", "123456")).status())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void wrongCodesCountAgainstTheLoginLimitLikeWrongPasswords() {
        String secret = enrol();
        for (int round = 0; round < 2; round++) {
            Visitor staff = atCodeStep(email);
            for (int attempt = 0; attempt < 5; attempt++) {
                staff.post("/admin/two-factor", Map.of("code", TotpCodes.wrong(secret)));
            }
        }

        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location())
                .as("ten failures for the address: even the right password waits").endsWith("/admin/login?locked");
    }

    @Test
    void anAdministratorResetsTwoFactorAndTheStaffMemberEnrolsAgain() {
        enrol();
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        long adminId = database.staff(adminEmail, PASSWORD);
        String adminSecret = twoFactor.newSecret();
        jdbc.sql("UPDATE staff SET totp_secret = ? WHERE id = ?").params(encryption.encrypt(adminSecret), adminId)
                .update();
        Visitor admin = atCodeStep(adminEmail);
        admin.post("/admin/two-factor", Map.of("code", TotpCodes.code(adminSecret, TotpCodes.currentStep() + 1)));
        assertThat(admin.get("/admin/staff/" + staffId).text()).contains("Reset two-factor");

        admin.get("/admin/staff/" + staffId + "/two-factor-reset");
        admin.post("/admin/staff/" + staffId + "/two-factor-reset", Map.of());

        assertThat(enrolled()).isFalse();
        Visitor staff = passwordOnly(email);
        assertThat(staff.get("/admin").location()).endsWith("/admin/two-factor/setup");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'admin.staff.two_factor_reset' "
                + "AND actor_id = ?").param(adminId).query(Long.class).single()).isEqualTo(1);
    }

    /** Gives the staff member a TOTP key directly, as if enrolled earlier; answers the secret. */
    private String enrol() {
        String secret = twoFactor.newSecret();
        jdbc.sql("UPDATE staff SET totp_secret = ?, totp_last_step = NULL WHERE id = ?")
                .params(encryption.encrypt(secret), staffId).update();
        return secret;
    }

    /** Password given, the code page open (as a browser would show it, with its CSRF token). */
    private Visitor atCodeStep(String address) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", address, "password", PASSWORD)).location())
                .endsWith("/admin/two-factor");
        assertThat(staff.get("/admin/two-factor").status()).isEqualTo(200);
        return staff;
    }

    /** A login without a TOTP key: the password alone logs in, then enrolment is due. */
    private Visitor passwordOnly(String address) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", address, "password", PASSWORD)).location())
                .endsWith("/admin");
        return staff;
    }

    private boolean enrolled() {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = ? AND totp_secret IS NOT NULL").param(staffId)
                .query(Long.class).single() == 1;
    }

    private long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND actor_type = 'STAFF' AND actor_id = ?")
                .params(action, staffId).query(Long.class).single();
    }
}
