package app.roster.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.OneTimeToken;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Each kind of refusal that leaves no other trace is logged on {@code roster.security} (kind, actor, client IP,
 * route; never the token, the query string or an address) and counted in {@code roster.security.events}.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsIT {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MeterRegistry meters;

    @Test
    void anIdOfAnotherAccountOrAMissingOneIsANotFoundEventInBothAreas(CapturedOutput output) {
        Person olga = registrations.registerVerified("Olga");
        Person bruno = registrations.registerVerified("Bruno");
        Visitor owner = new Visitor(port);
        owner.login(olga.email(), olga.password());
        long staffId = staff();
        Visitor staff = staffVisitor(staffId);
        double before = count("not_found");

        assertThat(owner.get("/users/" + bruno.id() + "/permissions").status()).isEqualTo(404);
        assertThat(owner.get("/users/999999999/remove").status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/999999999").status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/" + registrations.accountOf(olga) + "/users/" + bruno.id() + "/permissions")
                .status()).isEqualTo(404);

        assertThat(count("not_found") - before).isEqualTo(4);
        assertThat(output).contains("security event kind=not_found actor=user:" + olga.id()
                + " ip=127.0.0.1 method=GET route=/users/{userId}/permissions");
        assertThat(output).contains("security event kind=not_found actor=staff:" + staffId
                + " ip=127.0.0.1 method=GET route=/admin/clients/{id}");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsAnEventInBothAreas(CapturedOutput output) {
        Person olga = registrations.registerVerified("Olga");
        Visitor owner = new Visitor(port);
        owner.login(olga.email(), olga.password());
        long staffId = staff();
        Visitor staff = staffVisitor(staffId);
        double before = count("csrf_refused");

        assertThat(owner.postRaw("/account", Map.of("name", "Hijacked")).status()).isEqualTo(403);
        assertThat(staff.postRaw("/admin/clients/1/close", Map.of("_csrf", "forged")).status()).isEqualTo(403);
        assertThat(new Visitor(port).postRaw("/login", Map.of("email", "x@example.com", "password", "p")).status())
                .isEqualTo(403);

        assertThat(count("csrf_refused") - before).isEqualTo(3);
        assertThat(output).contains("security event kind=csrf_refused actor=user:" + olga.id()
                + " ip=127.0.0.1 method=POST route=/account");
        assertThat(output).contains("security event kind=csrf_refused actor=staff:" + staffId
                + " ip=127.0.0.1 method=POST route=/admin/clients/1/close");
        assertThat(output).contains("security event kind=csrf_refused actor=anonymous ip=127.0.0.1 method=POST route=/login");
        assertThat(output).doesNotContain("forged");
    }

    @Test
    void aTamperedOrMadeUpTokenOfEveryEmailedLinkIsAnEventThatNeverShowsTheToken(CapturedOutput output) {
        double before = count("unknown_token");
        Visitor visitor = new Visitor(port);
        String invitation = madeUp();
        String verification = madeUp();
        String reset = madeUp();
        String confirmation = madeUp();
        String unsubscribe = madeUp();
        String staffSetup = madeUp();

        visitor.open("/invitations/accept?token=" + invitation);
        Person rita = registrations.register("Rita");
        Visitor ritasBrowser = new Visitor(port);
        ritasBrowser.login(rita.email(), rita.password());
        ritasBrowser.open("/verify-email?token=" + verification);
        assertThat(ritasBrowser.post("/verify-email", Map.of()).text()).doesNotContain(verification);
        assertThat(visitor.open("/password/reset?token=" + reset).status()).isEqualTo(200);
        assertThat(visitor.get("/contacts/confirm?token=" + confirmation).status()).isEqualTo(404);
        assertThat(visitor.get("/contacts/unsubscribe?token=" + unsubscribe).status()).isEqualTo(404);
        visitor.open("/admin/setup-password?token=" + staffSetup);

        assertThat(count("unknown_token") - before).isEqualTo(6);
        for (String link : List.of("invitation", "verification", "reset", "contact_confirmation", "unsubscribe",
                "staff_set_password")) {
            assertThat(output).as(link).containsPattern(
                    "security event kind=unknown_token actor=\\S+ ip=127\\.0\\.0\\.1 method=(GET|POST) route=\\S+ link="
                            + link);
        }
        assertThat(output).contains("actor=user:" + rita.id() + " ip=127.0.0.1 method=POST route=/verify-email link=verification");
        for (String token : List.of(invitation, verification, reset, confirmation, unsubscribe, staffSetup)) {
            assertThat(output).doesNotContain(token);
        }
    }

    @Test
    void aUsedOrExpiredLinkIsNoSecurityEvent(CapturedOutput output) {
        Person rita = registrations.register("Rita");
        OneTimeToken used = OneTimeToken.generate();
        jdbc.sql("""
                INSERT INTO user_tokens (user_id, purpose, token_hash, email, expires_at, created_at, used_at)
                VALUES (?, 'RESET_PASSWORD', ?, ?, ?, ?, ?)""")
                .params(rita.id(), used.hash(), rita.email(), Timestamp.from(Instant.now().plusSeconds(3600)),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
        double before = count("unknown_token");

        new Visitor(port).open("/password/reset?token=" + used.value());

        assertThat(count("unknown_token")).isEqualTo(before);
        assertThat(output).doesNotContain("kind=unknown_token");
    }

    @Test
    void aRateLimitRefusalIsAnEventWithoutTheAddressInIt(CapturedOutput output) {
        String email = Registrations.uniqueEmail("limit");
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        double before = count("throttled");

        for (int i = 0; i < 4; i++) {
            assertThat(visitor.post("/password/forgot", Map.of("email", email)).status()).isEqualTo(200);
        }

        // The fourth exceeds the three per address and hour; earlier ones count too when other tests of this
        // context have already used up the twenty per IP (every test client is 127.0.0.1).
        assertThat(count("throttled") - before).isBetween(1.0, 4.0);
        assertThat(output).contains("security event kind=throttled actor=anonymous ip=127.0.0.1 method=POST "
                + "route=/password/forgot limit=reset:email");
        assertThat(output).doesNotContain(email);
    }

    private double count(String kind) {
        return meters.get("roster.security.events").tag("kind", kind).counter().count();
    }

    private static String madeUp() {
        return OneTimeToken.generate().value();
    }

    private long staff() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(email, "Staff " + email, encoder.encode(STAFF_PASSWORD), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Visitor staffVisitor(long staffId) {
        String email = jdbc.sql("SELECT email FROM staff WHERE id = ?").param(staffId).query(String.class).single();
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", STAFF_PASSWORD)).location())
                .endsWith("/admin");
        return staff;
    }
}
