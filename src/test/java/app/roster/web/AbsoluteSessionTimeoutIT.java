package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "roster.session.absolute-timeout=4s")
class AbsoluteSessionTimeoutIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    @Test
    void aBusySessionStillEndsAtTheAbsoluteTimeout() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        assertThat(visitor.get("/profile").status()).isEqualTo(200);
        assertThat(new Visitor(port).headers("/login").firstValue("Strict-Transport-Security"))
                .as("plain http deployment: no HSTS").isEmpty();

        // Keeps the session active the whole time: only its age can end it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> visitor.get("/profile").status() == 302);

        assertThat(visitor.get("/profile").location()).endsWith("/login");
    }
}
