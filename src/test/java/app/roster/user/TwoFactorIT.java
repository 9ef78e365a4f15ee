package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Secrets;
import app.roster.support.Visitor;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class TwoFactorIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TwoFactor twoFactor;

    @Test
    void enrolmentStoresTheSecretEncryptedAndLoginAsksForACodeThatWorksOnce() throws Exception {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        String secret = visitor.get("/profile/two-factor").html().selectFirst("#secret").text();

        Visitor.Page wrong = visitor.post("/profile/two-factor", Map.of("code", "000000"));
        assertThat(wrong.text()).contains("This code is not valid");
        Visitor.Page enabled = visitor.post("/profile/two-factor", Map.of("code", code(secret, 0)));
        List<String> recovery = enabled.html().select("#recovery-codes li").eachText();
        assertThat(recovery).hasSize(10);
        assertThat(jdbc.sql("SELECT totp_secret FROM users WHERE id = ?").param(jane.id()).query(String.class).single())
                .isNotNull().doesNotContain(secret);

        Visitor next = new Visitor(port);
        next.get("/login");
        Visitor.Page password = next.post("/login", Map.of("email", jane.email(), "password", jane.password()));
        assertThat(password.location()).endsWith("/login/two-factor");
        assertThat(next.get("/profile").location()).as("a password alone grants nothing").endsWith("/login");
        next.get("/login/two-factor");
        assertThat(next.post("/login/two-factor", Map.of("code", "123456")).text()).contains("This code is not valid");
        // One code, kept: computed again later it would be the next step's whenever a 30-second step ends between.
        String loginCode = code(secret, 1);
        Visitor.Page in = next.post("/login/two-factor", Map.of("code", loginCode));
        assertThat(in.location()).as("the page asked for before the code").endsWith("/profile");
        assertThat(next.get("/profile").status()).isEqualTo(200);

        assertThat(twoFactor.verifyAtLogin(jane.id(), loginCode)).as("a code is never accepted twice").isFalse();
        assertThat(twoFactor.verifyAtLogin(jane.id(), recovery.getFirst())).isTrue();
        assertThat(twoFactor.verifyAtLogin(jane.id(), recovery.getFirst())).as("recovery codes are single-use").isFalse();
    }

    /** The code of the current step plus {@code offset} steps (the verifier accepts one step of drift). */
    private static String code(String secret, int offset) throws Exception {
        return new DefaultCodeGenerator().generate(Secrets.record("TOTP secret", secret), Instant.now().getEpochSecond() / 30 + offset);
    }
}
