package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@WithSettings({"roster.login.max-attempts-per-email=3", "roster.login.max-attempts-per-ip=8"})
class AdminLoginThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void staffLoginsAreThrottledPerAddress() {
        Visitor attacker = new Visitor(port);
        attacker.get("/admin/login");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.post("/admin/login", Map.of("email", "admin@localhost", "password", "guess-" + i))
                    .location()).endsWith("/admin/login?error");
        }

        Visitor.Page blocked = attacker.post("/admin/login", Map.of("email", "admin@localhost", "password", "x"));

        assertThat(blocked.location()).endsWith("/admin/login?locked");
        assertThat(attacker.get("/admin/login?locked").text()).contains("Too many attempts");
    }
}
