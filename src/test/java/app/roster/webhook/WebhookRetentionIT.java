package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Old events go once nothing of theirs is pending; a pending delivery keeps its event however old. */
@IntegrationTest
class WebhookRetentionIT {

    @Autowired
    WebhookRetention retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void eventsPastTheRetentionGoWithTheirDeliveriesUnlessOneIsStillPending() {
        Instant now = clock.instant();
        long endpoint = endpoint(now);
        long stream = -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) - 1;
        UUID delivered = event(stream, 1, now.minus(Duration.ofDays(31)));
        delivery(endpoint, delivered, stream, 1, "DELIVERED", now);
        UUID givenUp = event(stream, 2, now.minus(Duration.ofDays(31)));
        delivery(endpoint, givenUp, stream, 2, "FAILED", now);
        UUID pending = event(stream, 3, now.minus(Duration.ofDays(40)));
        delivery(endpoint, pending, stream, 3, "PENDING", now);
        UUID unsubscribed = event(stream, 4, now.minus(Duration.ofDays(31)));
        UUID recent = event(stream, 5, now.minus(Duration.ofDays(29)));
        delivery(endpoint, recent, stream, 5, "DELIVERED", now);

        retention.deleteOldEvents();

        assertThat(jdbc.sql("SELECT id FROM webhook_events WHERE stream = ? ORDER BY sequence").param(stream)
                .query(UUID.class).list()).containsExactly(pending, recent);
        assertThat(jdbc.sql("SELECT event_id FROM webhook_deliveries WHERE stream = ? ORDER BY sequence").param(stream)
                .query(UUID.class).list()).as("deliveries go with their events").containsExactly(pending, recent);
    }

    @Test
    void aBacklogLongerThanOneBatchIsDeletedInOneRun() {
        Instant now = clock.instant();
        long stream = -Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L) - 1;
        for (int sequence = 1; sequence <= WebhookRetention.BATCH + 3; sequence++) {
            event(stream, sequence, now.minus(Duration.ofDays(60)));
        }

        retention.deleteOldEvents();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE stream = ?").param(stream)
                .query(Long.class).single()).isZero();
    }

    private long endpoint(Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (url, event_types, enabled, secret, created_by_type, created_at)
                        VALUES ('https://receiver.example.test/hooks', 'member.added', FALSE, 'unused', 'SYSTEM', ?)""")
                .param(Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private UUID event(long stream, long sequence, Instant occurredAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_events (id, type, stream, sequence, occurred_at, payload)
                        VALUES (?, 'member.added', ?, ?, ?, '{}')""")
                .params(id, stream, sequence, Timestamp.from(occurredAt)).update();
        return id;
    }

    private void delivery(long endpoint, UUID event, long stream, long sequence, String state, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (endpoint_id, event_id, stream, sequence, state, next_attempt_at,
                                                        retry_since, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(endpoint, event, stream, sequence, state, Timestamp.from(now.plus(Duration.ofDays(1))),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }
}
