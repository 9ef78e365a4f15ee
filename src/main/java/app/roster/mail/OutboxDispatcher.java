package app.roster.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages, oldest first. Every node runs it; the claim in {@link Outbox#claim} makes
 * sure each message is handed to the mail server by one node only, and only once it is due. Runs outside
 * any transaction, so each state change commits at once and a crash loses nothing (at worst a message is
 * sent again after its claim expires, if the node died between the server's acceptance and the SENT update).
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;
    /** Longer than the SMTP connect + write timeouts of one message, so a live claim never lapses mid-send. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 300;
    /** How {@code last_error} starts when the message found the server down rather than being refused. */
    static final String UNAVAILABLE = "Server unavailable: ";

    private final Outbox outbox;
    private final Delivery delivery;
    private final RetryPolicy retries;
    private final Clock clock;
    private final OutboxMeters meters;
    /** Each dispatcher is one node: the claims it holds carry this name. */
    private final String node = UUID.randomUUID().toString();

    OutboxDispatcher(Outbox outbox, Delivery delivery, MailSettings settings, Clock clock, OutboxMeters meters) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.retries = RetryPolicy.of(settings);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Sends every due message, batch after batch while there is work, so a burst drains at the mail server's
     * pace rather than one batch per poll. Stops at the first sign that the server is unavailable: the next
     * poll tries again, and the messages not tried keep their attempts.
     */
    @Scheduled(fixedDelayString = "${roster.mail.poll-interval:2s}", initialDelayString = "${roster.mail.poll-interval:2s}")
    public void dispatchDue() {
        try (Delivery.Connection connection = delivery.open()) {
            releaseAfterOutage(connection);
            List<Long> due;
            do {
                due = outbox.due(clock.instant(), BATCH);
                for (long id : due) {
                    Optional<OutboxMessage> message = claim(id);
                    if (message.isPresent() && !send(connection, message.get())) {
                        return;
                    }
                }
            } while (due.size() == BATCH);
        }
    }

    /**
     * The messages that found the server down wait their back-off (30 s, 1 min, 2 min, …) although the server was
     * at fault, not they: after an outage the oldest would go last, minutes after the newer ones. So when one
     * waits for that reason and the server answers again, they are all due at once, and the round sends the whole
     * queue oldest first. While the server is still down the round goes on as before: its first message counts an
     * attempt, so a server that never comes back still ends in FAILED after the configured attempts.
     */
    private void releaseAfterOutage(Delivery.Connection connection) {
        Instant now = clock.instant();
        if (!outbox.waitingOnServer(now, UNAVAILABLE)) {
            return;
        }
        try {
            connection.connect();
        } catch (Delivery.ServerUnavailable stillDown) {
            return;
        }
        int released = outbox.dueAgain(now, UNAVAILABLE);
        log.info("The mail server answers again: {} messages that found it down are due now", released);
    }

    /**
     * Claims one message for this node, just before sending it, so a slow batch never outlives the claims of
     * its last messages. Empty when another node holds it, or it is no longer due (another node's attempt just
     * failed and set its back-off), or no longer queued.
     */
    Optional<OutboxMessage> claim(long id) {
        Instant now = clock.instant();
        return outbox.claim(id, node, now, now.plus(CLAIM)) ? outbox.find(id) : Optional.empty();
    }

    /** False when the mail server is unavailable, so the rest of the round would fail the same way. */
    private boolean send(Delivery.Connection connection, OutboxMessage message) {
        try {
            connection.deliver(message);
            outbox.markSent(message.id(), clock.instant());
            meters.sent();
            return true;
        } catch (Delivery.ServerUnavailable e) {
            failed(message, UNAVAILABLE + describe(e));
            return false;
        } catch (RuntimeException e) {
            failed(message, describe(e));
            return true;
        }
    }

    private void failed(OutboxMessage message, String described) {
        // The row was read after this node's claim, so its attempts are current: one more for this attempt.
        int attempts = message.attempts() + 1;
        String error = described.length() > MAX_ERROR ? described.substring(0, MAX_ERROR) : described;
        if (retries.exhausted(attempts)) {
            if (outbox.markFailed(message.id(), node, attempts, error)) {
                meters.failed();
                log.error("Mail {} given up after {} attempts: {}", message.id(), attempts, error);
            } else {
                lostClaim(message);
            }
        } else {
            Instant next = retries.nextAttemptAt(clock.instant(), attempts);
            if (outbox.markRetry(message.id(), node, attempts, error, next)) {
                meters.retried();
                log.warn("Mail {} failed (attempt {}), next try at {}: {}", message.id(), attempts, next, error);
            } else {
                lostClaim(message);
            }
        }
    }

    private static void lostClaim(OutboxMessage message) {
        log.warn("Mail {} failed after its claim had expired; the node that claimed it since decides", message.id());
    }

    /** The innermost cause's type and first line: enough to diagnose, too short to carry a whole session log. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
