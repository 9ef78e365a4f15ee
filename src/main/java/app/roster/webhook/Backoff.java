package app.roster.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: the first delay after the first failure, doubling, capped; each delay is
 * drawn between half and all of it, so endpoints that failed together (a receiver's outage) are not all tried
 * again in the same second. Given up once the delivery has been retried for the whole retry period.
 */
record Backoff(Duration first, Duration cap, Duration retryFor) {

    static Backoff of(WebhookSettings settings) {
        return new Backoff(settings.firstRetry(), settings.maxRetryDelay(), settings.retryFor());
    }

    boolean exhausted(Instant retrySince, Instant now) {
        return !now.isBefore(retrySince.plus(retryFor));
    }

    /** When to try again after the given number of failed attempts (1 for the first failure). */
    Instant nextAttemptAt(Instant now, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        if (delay.compareTo(cap) > 0 || delay.isNegative()) {
            delay = cap;
        }
        long millis = delay.toMillis();
        long jittered = millis / 2 + (millis > 1 ? ThreadLocalRandom.current().nextLong(millis - millis / 2) : 0);
        return now.plusMillis(jittered);
    }
}
