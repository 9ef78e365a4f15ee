package app.roster.ratelimit;

import app.roster.security.SecurityEvents;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
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
    private final RefusalMeters meters;
    private final boolean postgres;

    RateLimiter(JdbcClient jdbc, Clock clock, SecurityEvents securityEvents, RefusalMeters meters,
            DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityEvents = securityEvents;
        this.meters = meters;
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
        meters.refused(bucket);
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
     * request (the API's). The limit holds across nodes exactly as with {@link #tryAcquire}: the row lock makes
     * requests of one bucket take their turn. On PostgreSQL the slot costs one statement in its own implicit
     * transaction, whose commit does not wait for the WAL to reach the disk: that wait, and the round trips of a
     * transaction of four statements, were most of an API request's time. A crash of the database can lose the
     * last fraction of a second of increments, letting a credential make that many more calls in that window; a
     * login or link-guess counter, which guards against guessing, keeps {@link #tryAcquire}'s durable commit.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Slot take(String bucket, int limit, Duration window) {
        Slot slot = postgres ? leased(bucket, limit, window) : takeInSteps(bucket, limit, window, clock.instant());
        if (!slot.taken()) {
            securityEvents.throttled(bucket);
            meters.refused(bucket);
        }
        return slot;
    }

    /** A slot from this node's lease of the bucket, or a new lease from the shared row when it is spent. */
    private Slot leased(String bucket, int limit, Duration window) {
        Lease lease = leases.computeIfAbsent(bucket, unused -> new Lease());
        lease.lock.lock();
        try {
            Instant now = clock.instant();
            Slot local = lease.next(limit, window, now);
            return local != null ? local : takeInOneStatement(lease, bucket, limit, window, now);
        } finally {
            lease.lock.unlock();
        }
    }

    /**
     * Slots counted in the shared row ahead of use and handed out by this node one per request: slot numbers
     * {@code next} to {@code last} of the window that started at {@code windowStart}. Being counted when leased,
     * slots on every node together never exceed the limit; a node's unspent ones are lost to the others.
     */
    private static final class Lease {
        final ReentrantLock lock = new ReentrantLock();
        int limit;
        Duration window;
        Instant windowStart;
        long next;
        long last = -1;
        long remainingSeen;

        Slot next(int limit, Duration window, Instant now) {
            if (next > last || limit != this.limit || !window.equals(this.window)
                    || !now.isBefore(windowStart.plus(window))) {
                return null;
            }
            long slot = next++;
            return new Slot(true, (int) Math.max(0, limit - slot), Duration.between(now, windowStart.plus(window)));
        }

        /** One slot while little is known or left, then a twentieth of what was left, at most {@link #MAX_LEASE}. */
        int size(int limit) {
            return (int) Math.max(1, Math.min(Math.min(MAX_LEASE, limit), remainingSeen / 20));
        }
    }

    /** At most this many slots are counted ahead per node and bucket: what one node may hold back from the others. */
    static final int MAX_LEASE = 100;

    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    /**
     * Starts, counts or refuses in one upsert, outside any transaction of the caller's (it commits on its own, like
     * {@link #tryAcquire}'s), and takes the lease's next {@code n} slots where they fit. A refused request leaves
     * {@code hits} at {@code limit + 1}, which is how the answer tells a refusal from the window's last slot; a lease
     * that did not fit whole stops at the limit and is taken as one slot (the rest of it is lost, at most
     * {@code n - 1} slots once a window). {@code set_config(…, true)} lasts for the statement's own transaction only,
     * never for the pooled connection's later ones.
     */
    private Slot takeInOneStatement(Lease lease, String bucket, int limit, Duration window, Instant now) {
        if (limit <= 0) {
            return new Slot(false, 0, window);
        }
        int n = lease.size(limit);
        return jdbc.sql("""
                        WITH durability AS (SELECT set_config('synchronous_commit', 'off', true) AS setting)
                        INSERT INTO rate_limits AS r (bucket, window_start, hits)
                        SELECT :bucket, :now, :n FROM durability
                        ON CONFLICT (bucket) DO UPDATE SET
                            hits = CASE WHEN r.window_start <= :windowStart THEN :n
                                WHEN r.hits >= :limit THEN :limit + 1 ELSE LEAST(r.hits + :n, :limit) END,
                            window_start = CASE WHEN r.window_start <= :windowStart THEN :now ELSE r.window_start END
                        RETURNING hits, window_start""")
                .param("bucket", bucket).param("now", Timestamp.from(now)).param("n", n)
                .param("windowStart", Timestamp.from(now.minus(window))).param("limit", limit)
                .query((rs, row) -> {
                    int hits = rs.getInt("hits");
                    Instant windowStart = rs.getTimestamp("window_start").toInstant();
                    int granted = hits > limit ? 0 : hits < limit ? n : 1;
                    lease.limit = limit;
                    lease.window = window;
                    lease.windowStart = windowStart;
                    lease.next = hits - granted + 2L;
                    lease.last = hits;
                    lease.remainingSeen = Math.max(0, limit - hits);
                    return granted == 0 ? slot(hits, windowStart, limit, window, now)
                            : slot(hits - granted + 1, windowStart, limit, window, now);
                })
                .single();
    }

    private static Slot slot(int hits, Instant windowStart, int limit, Duration window, Instant now) {
        Duration reset = Duration.between(now, windowStart.plus(window));
        return new Slot(hits <= limit, Math.max(0, limit - hits), reset.isNegative() ? Duration.ZERO : reset);
    }

    /**
     * H2 has no {@code ON CONFLICT … DO UPDATE}: the conditional updates of {@link #tryAcquire}, each atomic and
     * committed on its own, then a read of what is left.
     */
    private Slot takeInSteps(String bucket, int limit, Duration window, Instant now) {
        boolean taken = acquire(bucket, limit, window, now);
        return jdbc.sql("SELECT hits, window_start FROM rate_limits WHERE bucket = ?").param(bucket)
                .query((rs, row) -> {
                    Slot read = slot(rs.getInt("hits"), rs.getTimestamp("window_start").toInstant(), limit, window, now);
                    return new Slot(taken, read.remaining(), read.reset());
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
        // Leases end with their window anyway; forgetting them keeps the map to the buckets in use.
        leases.clear();
        jdbc.sql("DELETE FROM rate_limits WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
