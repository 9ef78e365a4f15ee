package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The dispatcher's hard cases, driven by hand: extra dispatchers run on their own clock, a day ahead, on
 * rows that are not yet due for the application's own scheduled dispatcher, so only the test moves them.
 */
@IntegrationTest
class OutboxDispatcherTest {

    private static final String SMTP_PASSWORD = "very-secret-smtp-password";

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMeters meters;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JavaMailSenderImpl greenMailSender;
    @Autowired
    BodyRetention retention;

    private final Mailbox mailbox = Mailbox.shared();
    private final Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aMessageToADeadSmtpServerIsRetriedWithBackOffAndGivenUpAfterMaxAttempts() {
        String to = MailDeliveryTest.unique();
        long id = insertQueued(to, tomorrow);
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), 3,
                Duration.ofDays(7));
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox,
                new SmtpDelivery(deadSmtpServer(), settings), settings, clock, meters);
        double retriesBefore = count("roster.outbox.retries");
        double failedBefore = count("roster.outbox.failed");

        dispatcher.dispatchDue();
        assertThat(row(id)).satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.QUEUED);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(tomorrow.plusSeconds(30));
            assertThat(m.lastError()).isNotBlank().doesNotContain(SMTP_PASSWORD).hasSizeLessThanOrEqualTo(300);
        });

        dispatcher.dispatchDue();
        assertThat(row(id).attempts()).as("not due again before the back-off").isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        assertThat(row(id).attempts()).isEqualTo(2);
        assertThat(row(id).nextAttemptAt()).as("the delay doubles").isEqualTo(tomorrow.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(60));
        dispatcher.dispatchDue();
        assertThat(row(id).state()).isEqualTo(OutboxMessage.State.FAILED);
        assertThat(row(id).attempts()).isEqualTo(3);
        assertThat(count("roster.outbox.retries") - retriesBefore).as("two failed attempts retried")
                .isGreaterThanOrEqualTo(2);
        assertThat(count("roster.outbox.failed") - failedBefore).as("then given up").isGreaterThanOrEqualTo(1);

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(row(id).attempts()).as("a failed message is left alone").isEqualTo(3);
        assertThat(mailbox.messagesTo(to)).isEmpty();
    }

    @Test
    void aMessageThatFailedOnceIsDeliveredWhenTheServerIsBack() {
        String to = MailDeliveryTest.unique();
        long id = insertQueued(to, tomorrow);
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), 5,
                Duration.ofDays(7));
        new OutboxDispatcher(outbox, new SmtpDelivery(deadSmtpServer(), settings), settings, clock, meters)
                .dispatchDue();
        assertThat(row(id).attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        new OutboxDispatcher(outbox, new SmtpDelivery(greenMailSender, settings), settings, clock, meters)
                .dispatchDue();

        assertThat(row(id).state()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(row(id).sentAt()).isEqualTo(tomorrow.plusSeconds(30));
        assertThat(mailbox.messagesTo(to)).hasSize(1);
    }

    @Test
    void afterAnOutageTheWholeQueueGoesAtOnceOldestFirstThoughTheOldestFoundTheServerDown() {
        // The other tests' future-dated rows would be due at this clock too and go first: out of the way.
        jdbc.sql("UPDATE outbox SET state = 'FAILED' WHERE state = 'QUEUED' AND created_at > ?")
                .param(Timestamp.from(Instant.now())).update();
        List<String> to = List.of(MailDeliveryTest.unique(), MailDeliveryTest.unique(), MailDeliveryTest.unique());
        List<Long> ids = to.stream().map(address -> insertQueued(address, tomorrow)).toList();
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), 5,
                Duration.ofDays(7));
        OutboxDispatcher down = new OutboxDispatcher(outbox, new SmtpDelivery(deadSmtpServer(), settings), settings,
                clock, meters);
        down.dispatchDue();
        clock.advance(Duration.ofSeconds(2));
        down.dispatchDue();
        assertThat(ids).extracting(id -> row(id).attempts()).as("the two oldest found the server down")
                .containsExactly(1, 1, 0);
        assertThat(row(ids.getFirst()).nextAttemptAt()).isAfter(clock.instant().plusSeconds(5));

        clock.advance(Duration.ofSeconds(2));
        new OutboxDispatcher(outbox, new SmtpDelivery(greenMailSender, settings), settings, clock, meters).dispatchDue();

        assertThat(ids).extracting(id -> row(id).state()).as("sent now, not after their back-off")
                .containsOnly(OutboxMessage.State.SENT);
        assertThat(ids).extracting(id -> row(id).attempts()).as("the failed attempt, and the one that sent")
                .containsExactly(2, 2, 1);
        List<String> arrived = java.util.Arrays.stream(mailbox.all()).map(Mailbox::firstRecipient)
                .filter(to::contains).toList();
        assertThat(arrived).as("oldest first").isEqualTo(to);
    }

    @Test
    void twoDispatchersRacingForTheSameRowsSendEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String to = MailDeliveryTest.unique();
            recipients.add(to);
            insertQueued(to, tomorrow);
        }
        MailSettings settings = new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), 10,
                Duration.ofDays(7));
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(outbox,
                        new SmtpDelivery(greenMailSender, settings), settings, new MovableClock(tomorrow), meters);
                runs.add(nodes.submit(() -> {
                    start.await();
                    dispatcher.dispatchDue();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        for (String to : recipients) {
            assertThat(mailbox.messagesTo(to)).as(to).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient IN (:to) AND state = 'SENT' AND attempts = 1")
                .param("to", recipients).query(Integer.class).single()).isEqualTo(20);
    }

    @Test
    void aMessageThatFailedOnOneNodeWaitsItsBackOffOnTheOtherNodeToo() {
        String first = MailDeliveryTest.unique();
        String second = MailDeliveryTest.unique();
        long older = insertQueued(first, tomorrow);
        long failing = insertQueued(second, tomorrow);
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = settings(10);
        OutboxDispatcher nodeA = new OutboxDispatcher(outbox, new SmtpDelivery(deadSmtpServer(), settings), settings,
                clock, meters);
        SmtpDelivery greenMail = new SmtpDelivery(greenMailSender, settings);
        // Node B has listed both messages as due; while it sends the first one, node A tries the second and fails.
        Delivery nodeBDelivery = message -> {
            if (message.id() == older) {
                nodeA.dispatchDue();
            }
            greenMail.deliver(message);
        };
        OutboxDispatcher nodeB = new OutboxDispatcher(outbox, nodeBDelivery, settings, clock, meters);

        nodeB.dispatchDue();

        assertThat(mailbox.messagesTo(first)).hasSize(1);
        assertThat(mailbox.messagesTo(second)).as("not retried at once by the other node").isEmpty();
        assertThat(row(failing)).satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.QUEUED);
            assertThat(m.attempts()).as("one real attempt, counted once").isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(tomorrow.plusSeconds(30));
        });
        assertThat(row(older).attempts()).isEqualTo(1);
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsSentOnceByAnotherNodeWhenTheClaimExpires() {
        String to = MailDeliveryTest.unique();
        long id = insertQueued(to, tomorrow);
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = settings(10);
        OutboxDispatcher nodeA = new OutboxDispatcher(outbox, new SmtpDelivery(greenMailSender, settings), settings,
                clock, meters);
        OutboxDispatcher nodeB = new OutboxDispatcher(outbox, new SmtpDelivery(greenMailSender, settings), settings,
                clock, meters);

        assertThat(nodeA.claim(id)).as("node A holds the claim, then is killed before sending").isPresent();
        nodeB.dispatchDue();
        assertThat(mailbox.messagesTo(to)).as("the claim holds while it lasts").isEmpty();
        clock.advance(OutboxDispatcher.CLAIM);
        nodeB.dispatchDue();
        assertThat(mailbox.messagesTo(to)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        nodeB.dispatchDue();
        assertThat(mailbox.messagesTo(to)).as("sent once the claim expired").hasSize(1);
        assertThat(row(id)).satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(m.attempts()).isEqualTo(1);
        });

        clock.advance(OutboxDispatcher.CLAIM.multipliedBy(2));
        nodeA.dispatchDue();
        nodeB.dispatchDue();
        assertThat(mailbox.messagesTo(to)).as("and never again").hasSize(1);
    }

    @Test
    void twoNodesRunningTogetherCountEachAttemptOnceAndDeliverEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String to = MailDeliveryTest.unique();
            recipients.add(to);
            insertQueued(to, tomorrow);
        }
        MovableClock clock = new MovableClock(tomorrow);
        MailSettings settings = settings(10);
        JavaMailSenderImpl dead = deadSmtpServer();

        // Both nodes poll a dead server until nothing of ours is due: each message fails exactly once.
        runTogether(() -> new OutboxDispatcher(outbox, new SmtpDelivery(dead, settings), settings, clock, meters),
                node -> {
                    while (dueAmong(recipients, clock.instant()) > 0) {
                        node.dispatchDue();
                    }
                });
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM outbox WHERE recipient IN (:to) AND state = 'QUEUED' AND attempts = 1
                  AND next_attempt_at = :next""")
                .param("to", recipients).param("next", Timestamp.from(tomorrow.plusSeconds(30)))
                .query(Integer.class).single()).as("one attempt each, counted once, with its back-off").isEqualTo(40);

        clock.advance(Duration.ofSeconds(30));
        runTogether(() -> new OutboxDispatcher(outbox, new SmtpDelivery(greenMailSender, settings), settings, clock,
                meters),
                OutboxDispatcher::dispatchDue);

        for (String to : recipients) {
            assertThat(mailbox.messagesTo(to)).as(to).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient IN (:to) AND state = 'SENT' AND attempts = 2")
                .param("to", recipients).query(Integer.class).single()).isEqualTo(40);
    }

    /** Two nodes, each its own dispatcher on its own thread, started at the same moment. */
    private static void runTogether(java.util.function.Supplier<OutboxDispatcher> nodes,
            java.util.function.Consumer<OutboxDispatcher> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxDispatcher node = nodes.get();
                runs.add(threads.submit(() -> {
                    start.await();
                    work.accept(node);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
    }

    private int dueAmong(List<String> recipients, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM outbox WHERE recipient IN (:to) AND state = 'QUEUED' AND next_attempt_at <= :now""")
                .param("to", recipients).param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    @Test
    void retentionRemovesTheBodiesOfOldSentMessagesOnly() {
        Instant now = Instant.now();
        long old = insertSent(MailDeliveryTest.unique(), now.minus(Duration.ofDays(8)));
        long recent = insertSent(MailDeliveryTest.unique(), now.minus(Duration.ofDays(6)));
        long queued = insertQueued(MailDeliveryTest.unique(), now.plus(Duration.ofDays(30)));
        jdbc.sql("UPDATE outbox SET created_at = ? WHERE id = ?")
                .params(Timestamp.from(now.minus(Duration.ofDays(30))), queued).update();
        jdbc.sql("UPDATE outbox SET headers = 'List-Unsubscribe: <http://localhost/u?token=x>' WHERE id IN (?, ?)")
                .params(old, recent).update();

        retention.redactOldBodies();

        assertThat(row(old)).satisfies(m -> {
            assertThat(m.textBody()).isNull();
            assertThat(m.htmlBody()).isNull();
            assertThat(m.redactedAt()).isNotNull();
            assertThat(m.headers()).as("an unsubscribe link is a bearer link too").isEmpty();
            assertThat(m.subject()).isEqualTo("Subject");
        });
        assertThat(row(recent).textBody()).isEqualTo("text http://localhost/link");
        assertThat(row(recent).headers()).containsKey("List-Unsubscribe");
        assertThat(row(recent).redactedAt()).isNull();
        assertThat(row(queued).htmlBody()).as("an undelivered message keeps its body").isNotNull();
    }

    private static MailSettings settings(int maxAttempts) {
        return new MailSettings("Roster <no-reply@localhost>", Duration.ofSeconds(2), maxAttempts, Duration.ofDays(7));
    }

    private OutboxMessage row(long id) {
        return outbox.find(id).orElseThrow();
    }

    private long insertQueued(String to, Instant due) {
        return insert(to, "QUEUED", due, null);
    }

    private long insertSent(String to, Instant sentAt) {
        return insert(to, "SENT", sentAt, sentAt);
    }

    private long insert(String to, String state, Instant at, Instant sentAt) {
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at,
                                    created_at, sent_at)
                VALUES (?, 'Subject', 'text http://localhost/link', '<p>html</p>', ?, 0, ?, ?, ?)""")
                .params(to, state, Timestamp.from(at), Timestamp.from(at), sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return jdbc.sql("SELECT id FROM outbox WHERE recipient = ?").param(to).query(Long.class).single();
    }

    private static JavaMailSenderImpl deadSmtpServer() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closedPort());
        sender.setUsername("roster");
        sender.setPassword(SMTP_PASSWORD);
        sender.getJavaMailProperties().put("mail.smtp.auth", "true");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double count(String counter) {
        return registry.get(counter).counter().count();
    }
}
