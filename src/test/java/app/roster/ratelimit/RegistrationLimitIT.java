package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each sign-up mails an address of the visitor's choosing: one IP gets a few an hour. */
@IntegrationTest
@WithSettings("roster.registrations.per-ip-hour=3")
class RegistrationLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void afterTheLimitASignUpIsRefusedAlikeForNewAndTakenAddressesAndMailsNothing() {
        Person taken = registrations.registerVerified("Tom");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.post("/register", form(Registrations.uniqueEmail("ana"))).text())
                    .contains("Check your inbox");
        }
        String fresh = Registrations.uniqueEmail("bea");

        Visitor.Page forNew = visitor.post("/register", form(fresh));
        Visitor.Page forTaken = visitor.post("/register", form(taken.email()));

        assertThat(forNew.status()).isEqualTo(forTaken.status()).isEqualTo(429);
        assertThat(forNew.html().select("main").text()).isEqualTo(forTaken.html().select("main").text())
                .contains("Too many sign-ups from your network");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(fresh).query(Integer.class).single())
                .isZero();
        assertThat(outboxTo(fresh)).isZero();
        assertThat(outboxTo(taken.email())).as("only the verification of the test's own sign-up, no notice")
                .isEqualTo(1);
    }

    @Test
    void anInvalidFormDoesNotCount() {
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        Map<String, String> bad = form(Registrations.uniqueEmail("cid"));
        bad.put("password", "short");
        int before = slotsTaken();
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/register", bad).status()).isEqualTo(200);
        }

        assertThat(slotsTaken()).isEqualTo(before);
    }

    /** The other test may have used some of this IP's slots already. */
    private int slotsTaken() {
        return jdbc.sql("SELECT COALESCE(SUM(hits), 0) FROM rate_limits WHERE bucket LIKE 'register:%'")
                .query(Integer.class).single();
    }

    private int outboxTo(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(recipient.toLowerCase())
                .query(Integer.class).single();
    }

    private static Map<String, String> form(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", "Ana");
        form.put("lastName", "Lopez");
        form.put("email", email);
        form.put("password", Registrations.PASSWORD);
        form.put("acceptTerms", "true");
        return form;
    }
}
