package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A burst of queued mail drains at the SMTP server's pace, oldest first, once each, also after an outage.
 * Not a timed test (this machine is shared): it checks what was delivered and prints how long it took; the
 * README's Measured table quotes the figures.
 */
@IntegrationTest
class OutboxBurstTest {

    private static final int BURST = 1000;

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMeters meters;
    @Autowired
    JdbcClient jdbc;

    /** Rows due tomorrow: the application's own dispatcher leaves them to the test's node. */
    private final Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private final String batch = UUID.randomUUID().toString().substring(0, 8);
    private final int port = freePort();
    private final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final MailSettings settings = new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), 10,
            Duration.ofDays(7));

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aThousandQueuedMessagesAreDeliveredInOneRoundOldestFirst() {
        List<String> recipients = queue(BURST);
        server.start();
        OutboxDispatcher node = new OutboxDispatcher(outbox, new SmtpDelivery(sender(), settings), settings,
                new MovableClock(tomorrow), meters);

        long started = System.nanoTime();
        node.dispatchDue();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(received()).as("every message once, oldest first").containsExactlyElementsOf(recipients);
        assertThat(sentOnceEach()).isEqualTo(BURST);
        System.out.printf("OutboxBurstTest: %d messages drained in %d ms (%.0f/s)%n", BURST, millis,
                BURST * 1000.0 / millis);
    }

    @Test
    void afterAThreeMinuteOutageTheQueueDrainsOldestFirstWithEachAttemptCountedOnce() {
        List<String> recipients = queue(BURST);
        MovableClock clock = new MovableClock(tomorrow);
        OutboxDispatcher node = new OutboxDispatcher(outbox, new SmtpDelivery(sender(), settings), settings, clock,
                meters);

        // Three minutes of a mail server refusing connections, polled every two seconds.
        for (int poll = 0; poll < 90; poll++) {
            node.dispatchDue();
            clock.advance(Duration.ofSeconds(2));
        }
        int attemptsDuringOutage = totalAttempts();
        server.start();

        long started = System.nanoTime();
        Instant back = clock.instant();
        int polls = 0;
        while (queued() > 0) {
            node.dispatchDue();
            clock.advance(Duration.ofSeconds(2));
            polls++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<String> received = received();
        assertThat(received).as("every message once").hasSize(BURST).containsExactlyInAnyOrderElementsOf(recipients);
        List<String> neverFailed = recipients.stream().filter(to -> attemptsOf(to) == 1).toList();
        assertThat(received.stream().filter(neverFailed::contains).toList())
                .as("the messages that never failed go oldest first").containsExactlyElementsOf(neverFailed);
        assertThat(totalAttempts()).as("one attempt per failure during the outage, plus one delivery each")
                .isEqualTo(attemptsDuringOutage + BURST);
        System.out.printf("OutboxBurstTest: after a 3-minute outage (%d failed attempts), %d messages drained in "
                + "%d ms of sending; the last went %d s (simulated) after the server came back%n",
                attemptsDuringOutage, BURST, millis, Duration.between(back, clock.instant()).toSeconds() - 2);
        assertThat(polls).isPositive();
    }

    private List<String> queue(int count) {
        List<String> recipients = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = "burst-%s-%04d@example.com".formatted(batch, i);
            recipients.add(to);
            rows.add(new Object[] {to, Timestamp.from(tomorrow), Timestamp.from(tomorrow.plusMillis(i))});
        }
        for (Object[] row : rows) {
            jdbc.sql("""
                    INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at,
                                        created_at)
                    VALUES (?, 'Burst', 'text', '<p>html</p>', 'QUEUED', 0, ?, ?)""")
                    .params(row).update();
        }
        return recipients;
    }

    private List<String> received() {
        return Arrays.stream(server.getReceivedMessages()).map(OutboxBurstTest::recipient)
                .filter(to -> to.contains(batch)).toList();
    }

    private int sentOnceEach() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient LIKE ? AND state = 'SENT' AND attempts = 1")
                .param("burst-" + batch + "-%").query(Integer.class).single();
    }

    private int queued() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient LIKE ? AND state = 'QUEUED'")
                .param("burst-" + batch + "-%").query(Integer.class).single();
    }

    private int totalAttempts() {
        return jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM outbox WHERE recipient LIKE ?")
                .param("burst-" + batch + "-%").query(Integer.class).single();
    }

    private int attemptsOf(String to) {
        return jdbc.sql("SELECT attempts FROM outbox WHERE recipient = ?").param(to).query(Integer.class).single();
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
