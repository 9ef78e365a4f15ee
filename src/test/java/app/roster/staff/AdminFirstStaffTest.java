package app.roster.staff;

import app.roster.support.Visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.roster.shared.EmailAddress;
import app.roster.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class AdminFirstStaffTest {

    private static final Pattern CONSOLE_LINK = Pattern.compile(
            "http://localhost:8080/admin/setup-password\\?token=[A-Za-z0-9_-]{43}");
    private static final String PASSWORD = "quiet lantern orbit meadow";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SetUpFirstStaff setUpFirstStaff;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void noStaffYet() {
        jdbc.sql("DELETE FROM staff").update();
    }

    @Test
    void withoutConfiguredEmailTheConsoleLinkSetsThePasswordOnce(CapturedOutput output) {
        setUpFirstStaff.run(Optional.empty());

        assertThat(jdbc.sql("SELECT email FROM staff").query(String.class).list()).containsExactly("admin@localhost");
        String link = lastConsoleLink(output);
        assertThat(output.getOut()).contains("FIRST STAFF LOGIN").containsPattern(
                "\\(valid for 24 hours, until \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)");
        assertThat(events.stream(StaffPasswordSetupRequested.class)).isEmpty();

        Visitor operator = new Visitor(port);
        Visitor.Page opened = operator.get(link);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/admin/setup-password").doesNotContain("token");
        assertThat(operator.get("/admin/setup-password").body()).contains("Set your password");
        Visitor.Page set = operator.post("/admin/setup-password", Map.of("password", PASSWORD, "confirmation", PASSWORD));
        assertThat(set.location()).endsWith("/admin/login?passwordSet");
        assertThat(passwordHash()).startsWith("$argon2id$");

        operator.get("/admin/login");
        assertThat(operator.post("/admin/login", Map.of("email", "admin@localhost", "password", PASSWORD)).location())
                .endsWith("/admin");
        assertSecondUseRefused(link);
        assertNoTokenInAudit(link);
    }

    @Test
    void configuredEmailGetsTheLinkThroughAnEventAndNotOnTheConsole(CapturedOutput output) {
        setUpFirstStaff.run(Optional.of(EmailAddress.of(" Boss@Example.COM ")));

        assertThat(jdbc.sql("SELECT email FROM staff").query(String.class).list()).containsExactly("boss@example.com");
        StaffPasswordSetupRequested request = events.stream(StaffPasswordSetupRequested.class).findFirst().orElseThrow();
        assertThat(request.email()).isEqualTo("boss@example.com");
        assertThat(request.link()).matches(CONSOLE_LINK.pattern());
        assertThat(request.expiresAt()).isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
        String token = request.link().substring(request.link().indexOf('=') + 1);
        assertThat(request.toString()).doesNotContain(token);
        assertThat(output.getAll()).doesNotContain(token);
        assertThat(jdbc.sql("SELECT token_hash FROM staff_tokens").query(String.class).single()).doesNotContain(token);

        Visitor boss = new Visitor(port);
        boss.get(request.link());
        boss.get("/admin/setup-password");
        assertThat(boss.post("/admin/setup-password", Map.of("password", PASSWORD, "confirmation", PASSWORD))
                .location()).endsWith("/admin/login?passwordSet");
        assertSecondUseRefused(request.link());
        assertNoTokenInAudit(request.link());
    }

    @Test
    void aRestartWhileNobodyCanLogInReplacesTheLinkAndKeepsOneStaffMember() {
        EmailAddress boss = EmailAddress.of("boss@example.com");
        setUpFirstStaff.run(Optional.of(boss));
        restartLater();
        setUpFirstStaff.run(Optional.of(boss));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT actor_type FROM audit_events WHERE action = 'staff.password_setup_issued'
                ORDER BY id DESC LIMIT 1""").query(String.class).single())
                .as("startup acts as the system, not as a visitor").isEqualTo("SYSTEM");
        List<String> links = events.stream(StaffPasswordSetupRequested.class)
                .map(StaffPasswordSetupRequested::link).toList();
        assertThat(links).hasSize(2).doesNotHaveDuplicates();
        assertSecondUseRefused(links.get(0));
        Visitor visitor = new Visitor(port);
        visitor.get(links.get(1));
        assertThat(visitor.get("/admin/setup-password").body()).contains("Set your password");
    }

    @Test
    void nodesStartingTogetherPrintOneLinkAndItWorks(CapturedOutput output) throws Exception {
        int before = output.getOut().length();
        startTogether(Optional.empty());

        String printed = output.getOut().substring(before);
        List<String> links = consoleLinks(printed);
        assertThat(links).as("one link printed, by the node that issued it").hasSize(1);
        assertThat(printed).contains("the set-password link for admin@localhost was printed at", "by another node");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_tokens WHERE used_at IS NULL").query(Long.class).single())
                .isEqualTo(1);
        Visitor operator = new Visitor(port);
        operator.get(links.getFirst());
        assertThat(operator.get("/admin/setup-password").body()).contains("Set your password");
        assertThat(operator.post("/admin/setup-password", Map.of("password", PASSWORD, "confirmation", PASSWORD))
                .location()).endsWith("/admin/login?passwordSet");
    }

    @Test
    void nodesStartingTogetherWithAConfiguredEmailSendOneLink(CapturedOutput output) throws Exception {
        EmailAddress boss = EmailAddress.of("together-" + java.util.UUID.randomUUID() + "@example.com");
        startTogether(Optional.of(boss));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(boss.value())
                .query(Long.class).single()).as("one email").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_tokens").query(Long.class).single()).isEqualTo(1);
        assertThat(output.getOut()).contains("the set-password link was sent to " + boss.masked(), "by another node");
    }

    /** The next start comes after the nodes of one deployment have all started: the link is older than that. */
    private void restartLater() {
        jdbc.sql("UPDATE staff_tokens SET created_at = ?")
                .param(java.sql.Timestamp.from(Instant.now().minus(SetUpFirstStaff.STARTING_TOGETHER).minusSeconds(1)))
                .update();
    }

    /** Two nodes on one database: two threads that run the start-up step at the same moment. */
    private void startTogether(Optional<EmailAddress> email) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<?>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    setUpFirstStaff.run(email);
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        }
    }

    @Test
    void onceSomeoneCanLogInStartupLeavesTheStaffAlone() {
        EmailAddress boss = EmailAddress.of("boss@example.com");
        setUpFirstStaff.run(Optional.of(boss));
        jdbc.sql("UPDATE staff SET password_hash = 'set'").update();

        setUpFirstStaff.run(Optional.of(boss));
        setUpFirstStaff.run(Optional.empty());

        assertThat(events.stream(StaffPasswordSetupRequested.class)).hasSize(1);
        assertThat(jdbc.sql("SELECT email FROM staff").query(String.class).list()).containsExactly("boss@example.com");
    }

    @Test
    void aWeakOrMismatchedPasswordIsRefusedAndTheLinkStaysUsable() {
        setUpFirstStaff.run(Optional.of(EmailAddress.of("boss@example.com")));
        String link = events.stream(StaffPasswordSetupRequested.class).findFirst().orElseThrow().link();
        Visitor boss = new Visitor(port);
        boss.get(link);
        boss.get("/admin/setup-password");

        Visitor.Page tooShort = boss.post("/admin/setup-password", Map.of("password", "short", "confirmation", "short"));
        Visitor.Page mismatch = boss.post("/admin/setup-password",
                Map.of("password", PASSWORD, "confirmation", PASSWORD + "x"));

        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(tooShort.body()).contains("The password is too short.");
        assertThat(mismatch.body()).contains("The two passwords do not match.");
        assertThat(passwordHash()).isNull();
        assertThat(boss.post("/admin/setup-password", Map.of("password", PASSWORD, "confirmation", PASSWORD))
                .location()).endsWith("/admin/login?passwordSet");
    }

    @Test
    void aTamperedLinkShowsTheInvalidPage() {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/setup-password?token=not-a-real-token");

        Visitor.Page page = visitor.get("/admin/setup-password");

        assertThat(page.body()).contains("This link is not valid").doesNotContain("name=\"password\"");
    }

    private void assertSecondUseRefused(String link) {
        Visitor second = new Visitor(port);
        second.get(link);
        assertThat(second.get("/admin/setup-password").body()).contains("This link is not valid");
        String before = passwordHash();
        second.get("/admin/login");
        Visitor.Page post = second.post("/admin/setup-password",
                Map.of("password", "another long passphrase", "confirmation", "another long passphrase"));
        assertThat(post.body()).contains("This link is not valid");
        assertThat(passwordHash()).isEqualTo(before);
    }

    private String passwordHash() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM staff").query(String.class).list();
        assertThat(hashes).hasSize(1);
        return hashes.getFirst();
    }

    private void assertNoTokenInAudit(String link) {
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(jdbc.sql("SELECT action FROM audit_events WHERE action LIKE 'staff.%'").query(String.class).list())
                .contains("staff.created", "staff.password_setup_issued", "staff.password_set");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE details LIKE ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();
    }

    private static String lastConsoleLink(CapturedOutput output) {
        List<String> links = consoleLinks(output.getOut());
        assertThat(links).as("a set-password link on the console").isNotEmpty();
        return links.getLast();
    }

    private static List<String> consoleLinks(String console) {
        Matcher matcher = CONSOLE_LINK.matcher(console);
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }
}
