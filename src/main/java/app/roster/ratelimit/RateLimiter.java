package app.roster.ratelimit;

import app.roster.security.SecurityEvents;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in the database. A slot is taken by one conditional UPDATE that checks and counts
 * at once, so requests arriving together, on one node or several, never get more than the limit between
 * them. Slots commit on their own: a failed login still counts when its request rolls back.
 */
@Component
public class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityEvents securityEvents;
    private final boolean postgres;

    RateLimiter(JdbcClient jdbc, Clock clock, SecurityEvents securityEvents, DataSource dataSource)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityEvents = securityEvents;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * Takes one of the bucket's {@code limit} slots per {@code window}, or answers false (and counts
     * nothing) when they are all taken. Take the slot before the work it guards, not after.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String bucket, int limit, Duration window) {
        if (acquire(bucket, limit, window, clock.instant())) {
            return true;
        }
        securityEvents.throttled(bucket);
        return false;
    }

    /**
     * A slot of a bucket, and what is left of its window, for answers that tell the client (the API's
     * {@code RateLimit} headers).
     *
     * @param taken     whether this request got a slot
     * @param remaining the slots left in the window
     * @param reset     how long until the window starts again
     */
    public record Slot(boolean taken, int remaining, Duration reset) {
    }

    /**
     * Like {@link #tryAcquire}, answering what is left of the bucket's window too; for counters taken on every
     * request (the API's). The slot is taken by the same conditional UPDATE, so the limit holds across nodes
     * exactly as before, but on PostgreSQL its commit does not wait for the WAL to reach the disk: that wait was
     * most of an API request's time. A crash of the database can lose the last fraction of a second of
     * increments, letting a credential make that many more calls in that window; a login or link-guess counter,
     * which guards against guessing, keeps {@link #tryAcquire}'s durable commit.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Slot take(String bucket, int limit, Duration window) {
        if (postgres) {
            // LOCAL: for this transaction only, never for the pooled connection's later ones.
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
        }
        Instant now = clock.instant();
        boolean taken = acquire(bucket, limit, window, now);
        if (!taken) {
            securityEvents.throttled(bucket);
        }
        return jdbc.sql("SELECT hits, window_start FROM rate_limits WHERE bucket = ?").param(bucket)
                .query((rs, row) -> {
                    Duration reset = Duration.between(now, rs.getTimestamp("window_start").toInstant().plus(window));
                    return new Slot(taken, Math.max(0, limit - rs.getInt("hits")),
                            reset.isNegative() ? Duration.ZERO : reset);
                })
                .optional().orElse(new Slot(taken, taken ? limit - 1 : 0, window));
    }

    private boolean acquire(String bucket, int limit, Duration window, Instant now) {
        if (limit <= 0) {
            return false;
        }
        Timestamp windowStart = Timestamp.from(now.minus(window));
        return takeInCurrentWindow(bucket, limit, windowStart)
                || jdbc.sql("UPDATE rate_limits SET hits = 1, window_start = ? WHERE bucket = ? AND window_start <= ?")
                        .params(Timestamp.from(now), bucket, windowStart).update() == 1
                || jdbc.sql("INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) "
                                + "ON CONFLICT DO NOTHING")
                        .params(bucket, Timestamp.from(now)).update() == 1
                // Another request created or restarted the bucket between our statements.
                || takeInCurrentWindow(bucket, limit, windowStart);
    }

    /** Gives back one slot taken for work that turned out not to count (a correct password, a known link). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String bucket) {
        jdbc.sql("UPDATE rate_limits SET hits = hits - 1 WHERE bucket = ? AND hits > 0").param(bucket).update();
    }

    /** Forgets the bucket: its window starts again with the next slot. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String bucket) {
        jdbc.sql("DELETE FROM rate_limits WHERE bucket = ?").param(bucket).update();
    }

    /** The row lock of the UPDATE makes a concurrent one wait and then check {@code hits < limit} again. */
    private boolean takeInCurrentWindow(String bucket, int limit, Timestamp windowStart) {
        return jdbc.sql("UPDATE rate_limits SET hits = hits + 1 WHERE bucket = ? AND window_start > ? AND hits < ?")
                .params(bucket, windowStart, limit).update() == 1;
    }

    /** Old windows are of no use; a day is longer than any window Roster configures. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM rate_limits WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
