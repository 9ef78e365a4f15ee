package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Guessing from elsewhere must not keep the real user out for ever. */
@IntegrationTest
@WithSettings({"roster.login.max-attempts-per-email=3", "roster.login.max-attempts-per-known-device=2"})
class LoginLockIT {

    private static final String NEW_PASSWORD = "amber-lantern-orchard-77";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBrowserThatLoggedInBeforeStillLogsInWhileTheAddressIsLockedFromElsewhere() {
        Person jane = registrations.registerVerified("Jane");
        Visitor janesBrowser = new Visitor(port);
        assertThat(janesBrowser.login(jane.email(), jane.password()).text()).contains("Hello, Jane!");
        assertThat(janesBrowser.cookie("roster_device")).isNotBlank();
        logOut(janesBrowser);
        double locked = count("roster.logins", "area", "client", "outcome", "locked");
        double refusals = count("roster.rate.limit.refusals", "limit", "login:email");

        lockOut(jane);

        assertThat(attempt(new Visitor(port), jane.email(), jane.password()))
                .as("an unknown browser, even with the right password").endsWith("/login?locked");
        assertThat(count("roster.logins", "area", "client", "outcome", "locked") - locked).as("the attacker's and the stranger's")
                .isEqualTo(2);
        assertThat(count("roster.rate.limit.refusals", "limit", "login:email") - refusals).isEqualTo(2);
        assertThat(attempt(janesBrowser, jane.email(), jane.password())).as("Jane's own browser").endsWith("/");
    }

    @Test
    void aKnownBrowserHasItsOwnSmallerBudget() {
        Person jane = registrations.registerVerified("Jane");
        Visitor janesBrowser = new Visitor(port);
        janesBrowser.login(jane.email(), jane.password());
        logOut(janesBrowser);

        assertThat(attempt(janesBrowser, jane.email(), "wrong-one-xxxxxxxx")).endsWith("/login?error");
        assertThat(attempt(janesBrowser, jane.email(), "wrong-two-xxxxxxxx")).endsWith("/login?error");

        assertThat(attempt(janesBrowser, jane.email(), jane.password())).endsWith("/login?locked");
        assertThat(attempt(new Visitor(port), jane.email(), jane.password()))
                .as("the address's own budget is untouched").endsWith("/");
    }

    @Test
    void aCompletedPasswordResetLiftsTheLock() {
        Person jane = registrations.registerVerified("Jane");
        lockOut(jane);
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        visitor.post("/password/forgot", Map.of("email", jane.email()));
        String link = Mailbox.link(Mailbox.shared().awaitSubject(jane.email(), "Reset"), "/password/reset");
        visitor.get(link);
        visitor.get("/password/reset");

        assertThat(visitor.post("/password/reset", Map.of("password", NEW_PASSWORD)).location())
                .endsWith("/login?reset");

        assertThat(attempt(new Visitor(port), jane.email(), NEW_PASSWORD)).endsWith("/");
    }

    @Test
    void aSuccessfulLoginClearsTheAddressFailures() {
        Person jane = registrations.registerVerified("Jane");
        Visitor attacker = new Visitor(port);
        assertThat(attempt(attacker, jane.email(), "guess-1-xxxxxxxx")).endsWith("/login?error");
        assertThat(attempt(attacker, jane.email(), "guess-2-xxxxxxxx")).endsWith("/login?error");
        assertThat(attempt(new Visitor(port), jane.email(), jane.password())).endsWith("/");

        assertThat(attempt(attacker, jane.email(), "guess-3-xxxxxxxx")).endsWith("/login?error");
        assertThat(attempt(attacker, jane.email(), "guess-4-xxxxxxxx")).endsWith("/login?error");
        assertThat(attempt(new Visitor(port), jane.email(), jane.password())).endsWith("/");
    }

    @Test
    void aNewPasswordForgetsEveryOtherKnownBrowser() {
        Person jane = registrations.registerVerified("Jane");
        Visitor thief = new Visitor(port);
        thief.login(jane.email(), jane.password());
        logOut(thief);
        Visitor janesBrowser = new Visitor(port);
        janesBrowser.login(jane.email(), jane.password());
        janesBrowser.get("/profile");
        janesBrowser.post("/profile/password", Map.of("currentPassword", jane.password(), "newPassword", NEW_PASSWORD));
        logOut(janesBrowser);

        lockOut(jane);

        assertThat(attempt(thief, jane.email(), NEW_PASSWORD)).as("known only under the old password")
                .endsWith("/login?locked");
        assertThat(attempt(janesBrowser, jane.email(), NEW_PASSWORD)).as("the browser that changed it").endsWith("/");
    }

    private double count(String meter, String... tags) {
        var found = meters.find(meter).tags(tags).counter();
        return found == null ? 0 : found.count();
    }

    private void lockOut(Person person) {
        Visitor attacker = new Visitor(port);
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(attacker, person.email(), "guess-" + i + "-xxxxxxxx")).endsWith("/login?error");
        }
        assertThat(attempt(attacker, person.email(), "guess-x-xxxxxxxx")).endsWith("/login?locked");
    }

    private static String attempt(Visitor browser, String email, String password) {
        browser.get("/login");
        return browser.post("/login", Map.of("email", email, "password", password)).location();
    }

    private static void logOut(Visitor browser) {
        browser.get("/profile");
        assertThat(browser.post("/logout", Map.of()).location()).endsWith("/login?logout");
    }
}
