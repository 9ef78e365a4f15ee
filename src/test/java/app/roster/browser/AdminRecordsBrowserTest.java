package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff read a client's trail through the filter form and send a failed email again, in Chromium. */
@IntegrationTest
@PageTest
class AdminRecordsBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    private final Mailbox mailbox = Mailbox.shared();

    @Test
    void staffFilterTheTrailByAccountAndRetryAFailedEmail() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        String recipient = Registrations.uniqueEmail("retry");
        long failed = failedEmail(recipient);

        try (Browser staff = new Browser(port)) {
            staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                    .click("Log in").waitForPath("/admin");
            staff.click("Audit trail").waitForPath("/admin/audit");
            staff.fill("Account ID", "not a number").click("Filter").waitForText("Enter a whole number, such as 42.");
            staff.fill("Account ID", String.valueOf(account)).click("Filter").waitForText("account.opened");
            assertThat(staff.findAll("#audit-table tbody tr")).isNotEmpty().allSatisfy(row ->
                    assertThat(row.getText()).contains("#" + account));

            staff.click("Email log").waitForPath("/admin/emails");
            staff.fill("Recipient starts with", recipient).click("Search").waitForText("Reset your password");
            staff.click("Reset your password").waitForPath("/admin/emails/" + failed);
            assertThat(staff.find("#email-body").getText()).contains("token=…").doesNotContain("Secret42");
            staff.click("Retry").waitForText("The email is queued again and will be sent shortly.");
        }
        assertThat(Mailbox.text(mailbox.awaitSubject(recipient, "Reset your password"))).contains("Secret42");
    }

    private long failedEmail(String recipient) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        String text = "Reset: https://roster.example/reset-password?token=Secret42";
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at,
                                    last_error, created_at)
                VALUES (?, 'Reset your password', ?, ?, 'FAILED', 10, ?, 'MailConnectException: refused', ?)""")
                .params(recipient, text, "<p>" + text + "</p>", now, now).update(keys, "id");
        return keys.getKey().longValue();
    }
}
