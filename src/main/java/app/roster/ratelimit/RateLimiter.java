package app.roster.ratelimit;

import app.roster.security.SecurityEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in the database. Each hit is one atomic UPDATE, so concurrent requests on
 * several nodes count correctly. Hits commit on their own: a failed login still counts.
 */
@Component
public class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityEvents securityEvents;

    RateLimiter(JdbcClient jdbc, Clock clock, SecurityEvents securityEvents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityEvents = securityEvents;
    }

    /** Counts one hit and answers whether it is still within {@code limit} hits per {@code window}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String bucket, int limit, Duration window) {
        boolean allowed = hit(bucket, window) <= limit;
        if (!allowed) {
            securityEvents.throttled(bucket);
        }
        return allowed;
    }

    /** Counts one hit without deciding anything (failed logins). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String bucket, Duration window) {
        hit(bucket, window);
    }

    /** Whether the bucket has already used up its limit in the current window; counts nothing. */
    @Transactional(readOnly = true)
    public boolean isExhausted(String bucket, int limit, Duration window) {
        Instant windowStart = clock.instant().minus(window);
        boolean exhausted = jdbc.sql("SELECT hits FROM rate_limits WHERE bucket = ? AND window_start > ?")
                .params(bucket, Timestamp.from(windowStart))
                .query(Integer.class).optional()
                .map(hits -> hits >= limit)
                .orElse(false);
        if (exhausted) {
            securityEvents.throttled(bucket);
        }
        return exhausted;
    }

    private int hit(String bucket, Duration window) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(window));
        int updated = jdbc.sql("UPDATE rate_limits SET hits = hits + 1 WHERE bucket = ? AND window_start > ?")
                .params(bucket, windowStart).update();
        if (updated == 0) {
            updated = jdbc.sql("UPDATE rate_limits SET hits = 1, window_start = ? WHERE bucket = ? AND window_start <= ?")
                    .params(Timestamp.from(now), bucket, windowStart).update();
        }
        if (updated == 0) {
            int inserted = jdbc.sql("INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) "
                            + "ON CONFLICT DO NOTHING")
                    .params(bucket, Timestamp.from(now)).update();
            if (inserted == 0) {
                // Another node created the bucket between our statements.
                jdbc.sql("UPDATE rate_limits SET hits = hits + 1 WHERE bucket = ?").param(bucket).update();
            }
        }
        return jdbc.sql("SELECT hits FROM rate_limits WHERE bucket = ?").param(bucket).query(Integer.class).single();
    }

    /** Old windows are of no use; a day is longer than any window Roster configures. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM rate_limits WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
