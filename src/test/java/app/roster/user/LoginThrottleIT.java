package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@WithSettings({"roster.login.max-attempts-per-email=3", "roster.login.max-attempts-per-ip=8"})
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedForThatAddress() {
        Person jane = registrations.registerVerified("Jane");
        Visitor attacker = new Visitor(port);
        attacker.get("/login");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.post("/login", Map.of("email", jane.email(), "password", "guess-" + i + "-xxxxxx"))
                    .location()).endsWith("/login?error");
        }

        Visitor.Page blocked = attacker.post("/login", Map.of("email", jane.email(), "password", jane.password()));

        assertThat(blocked.location()).endsWith("/login?locked");
        assertThat(attacker.get("/login?locked").text()).contains("Too many attempts");
    }

    @Test
    void anUnknownAddressIsThrottledExactlyLikeAKnownOne() {
        Visitor attacker = new Visitor(port);
        attacker.get("/login");
        String nobody = Registrations.uniqueEmail("nobody");
        for (int i = 0; i < 3; i++) {
            attacker.post("/login", Map.of("email", nobody, "password", "guess-" + i + "-xxxxxx"));
        }
        assertThat(attacker.post("/login", Map.of("email", nobody, "password", "x")).location()).endsWith("/login?locked");
    }
}
