package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.TestInfrastructure;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The settings page with secrets configured: it shows the SMTP server but neither its password nor the key. */
@IntegrationTest
@WithSettings("roster.invitations.validity=3d")
class AdminSettingsSecretsTest {

    /** Every test application has both (TestInfrastructure); this test checks no page shows them. */
    static final String SMTP_PASSWORD = TestInfrastructure.SMTP_PASSWORD;
    static final String ENCRYPTION_KEY = TestInfrastructure.ENCRYPTION_KEY;
    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theSettingsPageNamesNoSecret() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        new Database(jdbc, encoder).support(email, PASSWORD);
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/admin");

        Visitor.Page page = staff.get("/admin/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#mail-transport").text()).isEqualTo("SMTP server");
        assertThat(page.html().selectFirst("#staff-two-factor").text()).isEqualTo("No");
        assertThat(page.html().selectFirst("#settings-invitations").text()).contains("72 h");
        for (String path : List.of("/admin/settings", "/admin/emails", "/admin/audit")) {
            assertThat(staff.get(path).body()).as(path).doesNotContain(SMTP_PASSWORD).doesNotContain(ENCRYPTION_KEY);
        }
    }
}
