package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Registrations;
import app.roster.support.TestInfrastructure;
import app.roster.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

/** The settings page with secrets configured: it shows the SMTP server but neither its password nor the key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestInfrastructure.class, AdminSettingsSecretsTest.Secrets.class})
@Tag("database")
@Import(Registrations.class)
class AdminSettingsSecretsTest {

    static final String SMTP_PASSWORD = "smtp-Pa55word-" + UUID.randomUUID();
    static final String ENCRYPTION_KEY = "encryption-key-" + UUID.randomUUID();
    private static final String PASSWORD = "amber falcon river slate";

    /** Runs after the shared infrastructure, so its values win. */
    static class Secrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("secrets", Map.of(
                    "spring.mail.password", SMTP_PASSWORD,
                    "roster.encryption-key", ENCRYPTION_KEY,
                    "roster.admin.require-two-factor", "false",
                    "roster.invitations.validity", "3d")));
        }
    }

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
