package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.OneTimeToken;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guessing emailed links: one IP gets a few unknown tokens, then every link says to wait. */
@IntegrationTest
@WithSettings("roster.links.max-failures-per-ip=3")
class LinkGuessesIT {

    private static final String TOO_MANY = "Too many links that do not work were opened from your network.";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshBudget() {
        jdbc.sql("DELETE FROM rate_limits WHERE bucket LIKE 'link:%'").update();
    }

    @Test
    void unknownTokensOfEveryKindCountAndThenEvenAValidLinkAnswers429UntilTheWindowPasses() {
        String resetLink = resetLinkOf(registrations.registerVerified("Jane"));
        Visitor guesser = new Visitor(port);

        guesser.get("/invitations/accept?token=" + guess());
        assertThat(guesser.get("/invitations/accept").text()).contains("This invitation link is not valid");
        guesser.get("/verify-email?token=" + guess());
        guesser.get("/verify-email");
        assertThat(guesser.post("/verify-email", Map.of()).status()).isEqualTo(200);
        guesser.get("/password/reset?token=" + guess());
        assertThat(guesser.get("/password/reset").text()).contains("This link is not valid");

        assertTooMany(guesser.get("/contacts/confirm?token=" + guess()));
        assertTooMany(guesser.get("/contacts/unsubscribe?token=" + guess()));
        guesser.get("/admin/setup-password?token=" + guess());
        assertTooMany(guesser.get("/admin/setup-password"));
        guesser.get(resetLink);
        assertTooMany(guesser.get("/password/reset"));

        jdbc.sql("UPDATE rate_limits SET window_start = ? WHERE bucket LIKE 'link:%'")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(2)))).update();
        assertThat(guesser.get("/password/reset").text()).as("the window has passed").contains("Choose a new password");
    }

    @Test
    void validUsedAndExpiredLinksDoNotCount() {
        Person jane = registrations.registerVerified("Jane");
        String resetLink = resetLinkOf(jane);
        Visitor visitor = new Visitor(port);
        for (int i = 0; i < 4; i++) {
            visitor.get(resetLink);
            assertThat(visitor.get("/password/reset").status()).isEqualTo(200);
        }
        assertThat(visitor.post("/password/reset", Map.of("password", "amber-lantern-orchard-77")).location())
                .endsWith("/login?reset");
        for (int i = 0; i < 4; i++) {
            visitor.get(resetLink);
            assertThat(visitor.get("/password/reset").text()).as("used").contains("This link is not valid");
        }

        for (int i = 0; i < 3; i++) {
            assertThat(visitor.get("/contacts/unsubscribe?token=" + guess()).status()).isEqualTo(404);
        }
        assertTooMany(visitor.get("/contacts/unsubscribe?token=" + guess()));
    }

    private static void assertTooMany(Visitor.Page page) {
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.text()).contains(TOO_MANY);
    }

    private String resetLinkOf(Person person) {
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        visitor.post("/password/forgot", Map.of("email", person.email()));
        return Mailbox.link(Mailbox.shared().awaitSubject(person.email(), "Reset"), "/password/reset");
    }

    private static String guess() {
        return OneTimeToken.generate().value();
    }
}
