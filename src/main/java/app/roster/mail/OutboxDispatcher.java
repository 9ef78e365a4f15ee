package app.roster.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages. Every node runs it; the claim in {@link Outbox#claim} makes sure each
 * message is handed to the mail server by one node only. Runs outside any transaction, so each state
 * change commits at once and a crash loses nothing (at worst a message is sent again after its claim
 * expires, if the node died between the server's acceptance and the SENT update).
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;
    /** Longer than the SMTP connect + write timeouts of one message, so a live claim never lapses mid-send. */
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 300;

    private final Outbox outbox;
    private final Delivery delivery;
    private final RetryPolicy retries;
    private final Clock clock;

    OutboxDispatcher(Outbox outbox, Delivery delivery, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.retries = RetryPolicy.of(settings);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${roster.mail.poll-interval:2s}", initialDelayString = "${roster.mail.poll-interval:2s}")
    public void dispatchDue() {
        Instant now = clock.instant();
        for (long id : outbox.due(now, BATCH)) {
            // Claim just before sending, so a slow batch never outlives the claims of its last messages.
            Instant claimedAt = clock.instant();
            if (outbox.claim(id, claimedAt, claimedAt.plus(CLAIM))) {
                outbox.find(id).ifPresent(this::send);
            }
        }
    }

    private void send(OutboxMessage message) {
        try {
            delivery.deliver(message);
            outbox.markSent(message.id(), clock.instant());
        } catch (RuntimeException e) {
            failed(message, e);
        }
    }

    private void failed(OutboxMessage message, RuntimeException e) {
        int attempts = message.attempts() + 1;
        String error = describe(e);
        if (retries.exhausted(attempts)) {
            outbox.markFailed(message.id(), attempts, error);
            log.error("Mail {} given up after {} attempts: {}", message.id(), attempts, error);
        } else {
            Instant next = retries.nextAttemptAt(clock.instant(), attempts);
            outbox.markRetry(message.id(), attempts, error, next);
            log.warn("Mail {} failed (attempt {}), next try at {}: {}", message.id(), attempts, next, error);
        }
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
