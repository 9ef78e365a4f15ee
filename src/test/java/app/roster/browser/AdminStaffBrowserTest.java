package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Secrets;
import app.roster.support.WithSettings;
import app.roster.user.SecretEncryption;
import app.roster.user.TwoFactor;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An Administrator adds a Support staff member, who takes the link from their mailbox, chooses a password,
 * is made to set up two-factor (as shipped: required) and lands in the Admin Area.
 */
@IntegrationTest
@PageTest
@WithSettings("roster.admin.require-two-factor=true")
class AdminStaffBrowserTest {

    private static final String ADMIN_PASSWORD = "amber falcon river slate";
    private static final String NEW_PASSWORD = "copper kettle winter moss";

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

    private final Mailbox mailbox = Mailbox.shared();

    @Test
    void anAdministratorAddsSupportStaffWhoSetAPasswordEnrolTwoFactorAndLandInTheAdminArea() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        String adminSecret = twoFactor.newSecret();
        jdbc.sql("""
                INSERT INTO staff (email, name, password_hash, role, totp_secret, created_at)
                VALUES (?, 'Ada Admin', ?, 'ADMINISTRATOR', ?, ?)""")
                .params(adminEmail, encoder.encode(ADMIN_PASSWORD), encryption.encrypt(adminSecret),
                        Timestamp.from(Instant.now())).update();
        String newEmail = "sue-" + UUID.randomUUID() + "@example.com";

        try (Browser admin = new Browser(port); Browser sue = new Browser(port)) {
            admin.open("/admin/login").fill("Email address", adminEmail).fill("Password", ADMIN_PASSWORD)
                    .click("Log in").waitForPath("/admin/two-factor");
            admin.fill("Code", code(adminSecret, 1)).click("Verify").waitForPath("/admin");
            admin.click("Staff").waitForPath("/admin/staff");
            admin.click("Add staff").waitForPath("/admin/staff/new");
            admin.fill("Name", "Sue Support").fill("Email address", newEmail);
            new Select(admin.field("Role")).selectByVisibleText("Support");
            admin.click("Add and send the link").waitForText("a link to choose their password is on its way");
            assertThat(admin.find("#member-role").getText()).isEqualTo("Support");
            assertThat(admin.find("#member-status").getText()).isEqualTo("Password not set yet");

            String link = Mailbox.link(mailbox.awaitSubject(newEmail, "Admin Area login"), "/admin/setup-password");
            sue.openEmailed(link).waitForPath("/admin/setup-password");
            sue.fill("New password", NEW_PASSWORD).fill("Repeat the new password", NEW_PASSWORD).click("Set password")
                    .waitForPath("/admin/login?passwordSet");
            sue.fill("Email address", newEmail).fill("Password", NEW_PASSWORD).click("Log in")
                    .waitForPath("/admin/two-factor/setup");
            assertThat(sue.text()).contains("Staff must use two-factor authentication");
            sue.open("/admin").waitForPath("/admin/two-factor/setup");
            String secret = sue.find("#secret").getText();
            assertThat(sue.find("img.qr-code").getAttribute("src")).startsWith("data:image/png;base64,");

            sue.fill("Code", code(secret, 0)).click("Turn on two-factor").waitForPath("/admin");
            assertThat(sue.text()).contains("Clients", newEmail);
            assertThat(sue.findAllNow("a[href$='/admin/staff']")).as("Support: no Staff section").isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff WHERE email = ? AND role = 'SUPPORT' AND totp_secret IS NOT NULL")
                .param(newEmail).query(Long.class).single()).isEqualTo(1);
    }

    /** What the authenticator app shows, {@code ahead} 30-second steps from now. */
    private static String code(String secret, int ahead) {
        try {
            return new DefaultCodeGenerator().generate(Secrets.record("TOTP secret", secret), Instant.now().getEpochSecond() / 30 + ahead);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
