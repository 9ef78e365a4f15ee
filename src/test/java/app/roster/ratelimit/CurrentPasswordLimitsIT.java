package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A stolen session guesses the current password no more often than a login could. */
@IntegrationTest
@WithSettings("roster.login.max-attempts-per-email=3")
class CurrentPasswordLimitsIT {

    private static final String TOO_MANY = "Too many wrong passwords for this address.";
    private static final String NEW_PASSWORD = "amber-lantern-orchard-77";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCurrentPasswordCheckSpendsTheAddressLoginBudget() {
        Person olga = registrations.registerVerified("Olga");
        Person max = registrations.registerVerified("Max");
        long account = registrations.accountOf(olga);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, max.id(), "invoices", Timestamp.from(Instant.now())).update();
        Visitor thief = new Visitor(port);
        thief.login(olga.email(), olga.password());
        thief.forget("roster_device");

        thief.get("/profile");
        assertThat(thief.post("/profile/password", Map.of("currentPassword", "guess-1-xxxxxxxx",
                "newPassword", NEW_PASSWORD)).text()).contains("Your current password is not correct.");
        assertThat(thief.post("/profile/email", Map.of("email", "elsewhere@example.com",
                "currentPassword", "guess-2-xxxxxxxx")).text()).contains("Your current password is not correct.");
        thief.get("/accounts");
        thief.post("/accounts/" + account + "/select", Map.of());
        thief.get("/users/" + max.id() + "/make-owner");
        assertThat(thief.post("/users/" + max.id() + "/make-owner", Map.of("currentPassword", "guess-3-xxxxxxxx"))
                .text()).contains("Your current password is not correct.");

        thief.get("/users/" + max.id() + "/make-owner");
        Visitor.Page owner = thief.post("/users/" + max.id() + "/make-owner", Map.of("currentPassword", olga.password()));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.html().selectFirst("#currentPassword-error").text()).startsWith(TOO_MANY);
        thief.get("/profile");
        assertThat(thief.post("/profile/password", Map.of("currentPassword", olga.password(),
                "newPassword", NEW_PASSWORD)).text()).contains(TOO_MANY);
        assertThat(thief.post("/profile/email", Map.of("email", "elsewhere@example.com",
                "currentPassword", olga.password())).text()).contains(TOO_MANY);
        assertThat(jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(account).query(Long.class)
                .single()).isEqualTo(olga.id());

        Visitor stranger = new Visitor(port);
        stranger.get("/login");
        assertThat(stranger.post("/login", Map.of("email", olga.email(), "password", olga.password())).location())
                .as("the same budget as logins").endsWith("/login?locked");
    }

    @Test
    void turningTwoFactorOffIsThrottledToo() {
        Person olga = registrations.registerVerified("Olga");
        Visitor thief = new Visitor(port);
        thief.login(olga.email(), olga.password());
        thief.forget("roster_device");
        // Switched on behind the session's back: the page only needs to see a secret.
        jdbc.sql("UPDATE users SET totp_secret = 'stand-in' WHERE id = ?").param(olga.id()).update();
        for (int i = 0; i < 3; i++) {
            thief.get("/profile/security");
            thief.post("/profile/two-factor/disable", Map.of("currentPassword", "guess-" + i + "-xxxxxxxx"));
        }

        thief.get("/profile/security");
        Visitor.Page refused = thief.post("/profile/two-factor/disable", Map.of("currentPassword", olga.password()));

        assertThat(thief.get(refused.location()).text()).contains(TOO_MANY);
        assertThat(jdbc.sql("SELECT totp_secret FROM users WHERE id = ?").param(olga.id()).query(String.class)
                .single()).as("still on").isEqualTo("stand-in");
    }
}
