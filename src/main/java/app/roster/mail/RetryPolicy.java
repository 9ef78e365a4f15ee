package app.roster.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off: 30 s after the first failure, doubling, never more than an hour, so a mail server
 * that is down for maintenance is not hammered and one that is back is used again soon.
 */
record RetryPolicy(int maxAttempts, Duration first, Duration cap) {

    static RetryPolicy of(MailSettings settings) {
        return new RetryPolicy(settings.maxAttempts(), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /** True when the message should be given up after this many failed attempts. */
    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** When to try again after the given number of failed attempts (1 for the first failure). */
    Instant nextAttemptAt(Instant now, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(cap) > 0 ? cap : delay);
    }
}
