package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.audit.AuditSearch;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The audit trail with its CSV export, a client's Activity tab and the email log, over HTTP. */
@IntegrationTest
class AdminRecordsTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    private final Mailbox mailbox = Mailbox.shared();

    Database database;
    Visitor staff;
    long staffId;
    String staffEmail;

    @BeforeEach
    void loggedInAdministrator() {
        database = new Database(jdbc, encoder);
        staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(staffEmail, PASSWORD);
        staff = signedIn(staffEmail);
    }

    @Test
    void theTrailFiltersByAccountAndItsCsvHoldsExactlyThoseRowsWithFormulasDefused() {
        long owner = database.user(Registrations.uniqueEmail("hyper"), null, "Hy", "Per");
        long account = database.account("=HYPERLINK(\"http://evil.example\",\"x\")", owner);
        long other = database.account("Other Ltd", owner);
        Instant base = Instant.parse("2026-03-10T12:00:00Z");
        long plus = audit(base, "test.detail", "USER", owner, "hy@example.com", account, owner, "+1");
        long minus = audit(base.plusSeconds(60), "test.detail", "USER", owner, "-2@example.com", account, null, "-2");
        long at = audit(base.plusSeconds(120), "test.detail", "STAFF", staffId, "@x", account, null, "@x, \"quoted\"");
        audit(base.plusSeconds(180), "test.detail", "USER", owner, "hy@example.com", other, owner, "elsewhere");

        Visitor.Page page = staff.get("/admin/audit?account=" + account);
        assertThat(page.status()).isEqualTo(200);
        assertThat(rowIds(page)).containsExactly(at, minus, plus);
        assertThat(page.html().select("#audit-" + plus + " a[href=/admin/clients/" + account + "]")).hasSize(1);
        assertThat(page.html().select("#audit-" + plus + " a[href=/admin/users/" + owner + "]")).hasSize(1);
        assertThat(page.html().selectFirst("#audit-export").attr("href")).isEqualTo("/admin/audit.csv?account=" + account);

        Visitor.Page csv = staff.get("/admin/audit.csv?account=" + account);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").containsIgnoringCase("utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"roster-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.getFirst()).containsExactly("id", "occurred_at", "action", "actor_type", "actor_id",
                "actor_label", "ip", "account_id", "account_name", "user_id", "details");
        assertThat(rows.subList(1, rows.size())).extracting(row -> Long.parseLong(row.getFirst()))
                .containsExactly(at, minus, plus);
        assertThat(rows.get(1)).contains("'@x", "'@x, \"quoted\"", "'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(rows.get(2)).contains("'-2@example.com", "'-2");
        assertThat(rows.get(3)).contains("'+1", "2026-03-10T12:00:00Z", "hy@example.com", "203.0.113.9");
        assertThat(csv.body()).contains("\r\n").doesNotContain(",=HYPERLINK").doesNotContain(",@x")
                .doesNotContain(",-2").doesNotContain(",+1");

        Map<String, Object> exported = jdbc.sql("""
                SELECT actor_type, actor_id, details FROM audit_events WHERE action = 'admin.audit.exported'
                ORDER BY id DESC LIMIT 1""").query().singleRow();
        assertThat(exported.get("actor_type")).isEqualTo("STAFF");
        assertThat(((Number) exported.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat(exported.get("details")).isEqualTo("account_id=" + account);
    }

    @Test
    void theTrailFiltersByActorActionAndInclusiveDatesAndPagesFiftyNewestFirst() {
        long owner = database.user(Registrations.uniqueEmail("pages"), null, "Pa", "Ges");
        long account = database.account("Pages Ltd", owner);
        String action = "test.page" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2026-04-01T00:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(audit(base.plusSeconds(3600L * i), action, "STAFF", staffId, staffEmail, account, null, "n=" + i));
        }
        // Same time as the newest: the id decides.
        long tie = audit(base.plusSeconds(3600L * 59), action, "SYSTEM", null, null, account, null, "tie");

        Visitor.Page first = staff.get("/admin/audit?action=" + action);
        assertThat(first.html().selectFirst("#audit-count").text()).isEqualTo("61 entries");
        List<Long> firstIds = rowIds(first);
        assertThat(firstIds).hasSize(50).startsWith(tie, ids.get(59), ids.get(58));
        assertThat(first.html().selectFirst("a[rel=next]").attr("href")).isEqualTo("/admin/audit?action=" + action + "&page=2");
        List<Long> secondIds = rowIds(staff.get("/admin/audit?action=" + action + "&page=2"));
        assertThat(secondIds).hasSize(11).endsWith(ids.get(0)).doesNotContainAnyElementsOf(firstIds);

        // Day 2026-04-02 runs from hour 24 to hour 47 inclusive.
        assertThat(rowIds(staff.get("/admin/audit?actionPrefix=" + action + "&from=2026-04-02&to=2026-04-02")))
                .hasSize(24).contains(ids.get(24), ids.get(47)).doesNotContain(ids.get(23), ids.get(48));
        assertThat(rowIds(staff.get("/admin/audit?action=" + action + "&actorType=SYSTEM"))).containsExactly(tie);
        assertThat(rowIds(staff.get("/admin/audit?action=" + action + "&actor=" + staffId))).hasSize(50);
        assertThat(rowIds(staff.get("/admin/audit?action=" + action + "&actor="
                + staffEmail.substring(0, 12).toUpperCase() + "&from=2026-04-03"))).hasSize(12);
        Visitor.Page select = staff.get("/admin/audit");
        assertThat(select.html().select("select#action option[value=" + action + "]")).hasSize(1);
        for (String id : List.of("account", "actorType", "actor", "action", "actionPrefix", "from", "to")) {
            assertThat(select.html().select("label[for=" + id + "]")).as(id).hasSize(1);
        }
    }

    @Test
    void badFilterInputIsShownNextToItsFieldNeverA500() {
        Visitor.Page page = staff.get("/admin/audit?account=abc&actor=&from=2026-13-45&to=yesterday&actorType=ROOT");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#account-error").text()).isEqualTo("Enter a whole number, such as 42.");
        assertThat(page.html().selectFirst("#from-error").text()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(page.html().selectFirst("#to-error").text()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(page.html().selectFirst("#actorType-error")).isNotNull();
        assertThat(page.html().selectFirst("#audit-invalid")).isNotNull();
        assertThat(page.html().selectFirst("input#account").val()).isEqualTo("abc");

        Visitor.Page range = staff.get("/admin/audit?from=2026-05-02&to=2026-05-01&account=99999999999999999999");
        assertThat(staff.get("/admin/audit?from=%2B99999-01-01").html().selectFirst("#from-error")).isNotNull();
        assertThat(range.html().selectFirst("#to-error").text()).isEqualTo("This date is before the \"From\" date.");
        assertThat(range.html().selectFirst("#account-error")).isNotNull();

        Visitor.Page csv = staff.get("/admin/audit.csv?account=abc");
        assertThat(csv.status()).isEqualTo(302);
        assertThat(csv.location()).endsWith("/admin/audit?account=abc");
        assertThat(staff.get("/admin/audit?page=zz").status()).isEqualTo(200);
        assertThat(staff.get("/admin/audit?action=nothing.like.this").html().selectFirst("#audit-empty")).isNotNull();
    }

    @Test
    void theActivityTabShowsOneClientsTrailAndAnUnknownClientIsNotFound() {
        Person owner = registrations.registerVerified("Ada");
        long account = registrations.accountOf(owner);
        long other = registrations.accountOf(registrations.registerVerified("Bea"));
        Visitor.Page page = staff.get("/admin/clients/" + account + "/activity");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("h1").text()).contains(
                jdbc.sql("SELECT name FROM accounts WHERE id = ?").param(account).query(String.class).single());
        assertThat(page.html().selectFirst("a.nav-link.active").attr("href")).endsWith("/activity");
        List<String> actions = page.html().select("#audit-table tbody tr td:nth-child(2)").eachText();
        assertThat(actions).contains("account.opened");
        long expected = jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE account_id = ?").param(account)
                .query(Long.class).single();
        assertThat(rowIds(page)).hasSize((int) expected);
        List<Long> otherRows = jdbc.sql("SELECT id FROM audit_events WHERE account_id = ?").param(other)
                .query(Long.class).list();
        assertThat(rowIds(page)).doesNotContainAnyElementsOf(otherRows);

        assertThat(staff.get("/admin/clients/999999999/activity").status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/nope/activity").status()).isEqualTo(404);
    }

    @Test
    void theEmailLogListsFiltersMasksTokensAndARetriedMessageIsDelivered() {
        String recipient = Registrations.uniqueEmail("failed");
        long failed = outbox(recipient, "Reset your password", "FAILED", 10, "MailConnectException: refused",
                "Reset it: https://roster.example/reset-password?token=SeCrEt-ToKeN_123&lang=en\nBye", null);
        String sentTo = Registrations.uniqueEmail("redacted");
        long redacted = outbox(sentTo, "Verify your email", "SENT", 1, null, null, Instant.now());

        Visitor.Page log = staff.get("/admin/emails?state=FAILED&recipient=" + recipient.substring(0, 12).toUpperCase());
        assertThat(log.status()).isEqualTo(200);
        Element row = log.html().selectFirst("#email-" + failed);
        assertThat(row.text()).contains(recipient, "Reset your password", "Failed", "10", "MailConnectException: refused");
        assertThat(log.html().select("#email-" + redacted)).isEmpty();
        assertThat(staff.get("/admin/emails?recipient=" + sentTo).html().select("#emails-table tbody tr")).hasSize(1);
        assertThat(staff.get("/admin/emails?state=bogus").status()).isEqualTo(200);
        assertThat(staff.get("/admin/emails?state=bogus").html().selectFirst("#state-error")).isNotNull();
        assertThat(staff.get("/admin/emails?recipient=nobody-at-all-" + UUID.randomUUID()).html()
                .selectFirst("#emails-empty")).isNotNull();

        Visitor.Page detail = staff.get("/admin/emails/" + failed);
        assertThat(detail.html().selectFirst("#email-body").text()).contains("reset-password?token=…&lang=en");
        assertThat(detail.body()).doesNotContain("SeCrEt-ToKeN_123");
        assertThat(detail.html().selectFirst("#retry-form")).isNotNull();
        Visitor.Page redactedPage = staff.get("/admin/emails/" + redacted);
        assertThat(redactedPage.html().selectFirst("#email-redacted").text()).contains("removed after 7 days");
        assertThat(redactedPage.html().selectFirst("#retry-form")).isNull();

        Visitor.Page retried = staff.post("/admin/emails/" + failed + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).endsWith("/admin/emails/" + failed);
        assertThat(Mailbox.text(mailbox.awaitSubject(recipient, "Reset your password"))).contains("Reset it");
        assertThat(jdbc.sql("SELECT state FROM outbox WHERE id = ?").param(failed).query(String.class).single())
                .isEqualTo("SENT");
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id, details FROM audit_events WHERE action = 'admin.email.retried'
                AND details LIKE ?""").param("message_id=" + failed + ";%").query().singleRow();
        assertThat(audit.get("actor_type")).isEqualTo("STAFF");
        assertThat(((Number) audit.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat((String) audit.get("details")).contains(recipient).doesNotContain("SeCrEt");

        staff.get("/admin/emails/" + failed);
        Visitor.Page again = staff.post("/admin/emails/" + failed + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(302);
        assertThat(staff.get(again.location()).html().selectFirst("#problem")).isNotNull();
        assertThat(staff.get("/admin/emails/999999999").status()).isEqualTo(404);
        assertThat(staff.get("/admin/emails/x").status()).isEqualTo(404);
        assertThat(staff.post("/admin/emails/999999999/retry", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aRetryWithoutCsrfTokenIsRefused() {
        long failed = outbox(Registrations.uniqueEmail("csrf"), "Subject", "FAILED", 10, "boom", "text", null);
        staff.get("/admin/emails/" + failed);
        assertThat(staff.postRaw("/admin/emails/" + failed + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(state(failed)).isEqualTo("FAILED");
    }

    @Test
    void supportReadsEverythingButCannotRetry() {
        String email = "support-" + UUID.randomUUID() + "@example.com";
        database.support(email, PASSWORD);
        Visitor support = signedIn(email);
        long failed = outbox(Registrations.uniqueEmail("support"), "Subject", "FAILED", 10, "boom", "text", null);
        long account = registrations.accountOf(registrations.registerVerified("Cid"));
        for (String path : List.of("/admin/audit", "/admin/audit.csv", "/admin/emails", "/admin/emails/" + failed,
                "/admin/settings", "/admin/clients/" + account + "/activity")) {
            assertThat(support.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(support.get("/admin/emails/" + failed).html().selectFirst("#retry-form")).isNull();
        assertThat(support.post("/admin/emails/" + failed + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(state(failed)).isEqualTo("FAILED");
    }

    @Test
    void aClientUserNeverReachesThesePages() {
        Person user = registrations.registerVerified("Dan");
        long failed = outbox(Registrations.uniqueEmail("client"), "Subject", "FAILED", 10, "boom", "text", null);
        Visitor visitor = new Visitor(port);
        visitor.login(user.email(), user.password());
        for (String path : List.of("/admin/audit", "/admin/audit.csv", "/admin/emails", "/admin/emails/" + failed,
                "/admin/settings", "/admin/clients/" + registrations.accountOf(user) + "/activity")) {
            Visitor.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/admin/login");
        }
        Visitor.Page post = visitor.post("/admin/emails/" + failed + "/retry", Map.of());
        assertThat(post.status()).isIn(302, 403);
        assertThat(state(failed)).isEqualTo("FAILED");
    }

    @Test
    void theSettingsPageShowsTheEffectiveConfigurationAndMailStatus() {
        outbox(Registrations.uniqueEmail("status"), "Subject", "FAILED", 10, "boom", "text", null);
        Visitor.Page page = staff.get("/admin/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#settings-invitations").text()).contains("7 d", "50", "20");
        assertThat(page.html().selectFirst("#settings-passwords").text()).contains("12", "256", "2");
        assertThat(page.html().selectFirst("#settings-login").text()).contains("10", "50", "15 min");
        assertThat(page.html().selectFirst("#settings-sessions").text()).contains("30 min", "12 h", "48 h", "1 h", "72 h");
        // the tests' own configuration turns staff two-factor off (TestInfrastructure): the page shows what is in force
        assertThat(page.html().selectFirst("#staff-two-factor").text()).isEqualTo("No");
        assertThat(page.html().selectFirst("#mail-transport").text()).isEqualTo("SMTP server");
        assertThat(page.html().selectFirst("#settings-mail").text()).contains("127.0.0.1", "None", "7 d");
        assertThat(Long.parseLong(page.html().selectFirst("#status-failed").text())).isPositive();
        assertThat(page.body()).doesNotContain("test-encryption-key-not-for-production");
    }

    private Visitor signedIn(String email) {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");
        assertThat(visitor.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/admin");
        return visitor;
    }

    private static List<Long> rowIds(Visitor.Page page) {
        return page.html().select("#audit-table tbody tr").stream()
                .map(row -> Long.parseLong(row.id().substring("audit-".length()))).toList();
    }

    @Test
    void aFilterMatchingMoreThanTenThousandEntriesSaysSoAndPagesOnlyThroughTheFirstTenThousand() {
        String action = "test.bulk." + UUID.randomUUID().toString().substring(0, 8);
        Timestamp at = Timestamp.from(Instant.parse("2026-03-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < AuditSearch.COUNT_LIMIT + 1; i++) {
            rows.add(new Object[] {at, action});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO audit_events (occurred_at, action, actor_type) VALUES (?, ?, 'SYSTEM')""", rows);

        Visitor.Page first = staff.get("/admin/audit?action=" + action);
        assertThat(first.html().selectFirst("#audit-count").text())
                .isEqualTo("More than 10,000 entries: the first 10,000 are shown. Narrow the filter, or export them all as CSV.");
        Visitor.Page beyond = staff.get("/admin/audit?action=" + action + "&page=500");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.text()).contains("Page 200 of 200");
        Visitor.Page exact = staff.get("/admin/audit?action=" + action + "&to=2026-02-28");
        assertThat(exact.html().selectFirst("#audit-empty")).isNotNull();
    }

    private long audit(Instant at, String action, String actorType, Long actorId, String actorLabel, Long accountId,
            Long userId, String details) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, ip, account_id,
                                          user_id, details)
                VALUES (?, ?, ?, ?, ?, '203.0.113.9', ?, ?, ?)""")
                .params(Timestamp.from(at), action, actorType, actorId, actorLabel, accountId, userId, details)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long outbox(String recipient, String subject, String state, int attempts, String error, String text,
            Instant sentAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at, last_error,
                                    created_at, sent_at, redacted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(recipient, subject, text, text == null ? null : "<p>" + text + "</p>", state, attempts, now, error, now,
                        sentAt == null ? null : Timestamp.from(sentAt), text == null ? now : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM outbox WHERE id = ?").param(id).query(String.class).single();
    }

    /** RFC 4180, enough for the export: quoted fields with doubled quotes, CRLF between records. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
