package app.roster.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than the retention setting once none of their deliveries is still pending (delivered and
 * given-up ones alike; their deliveries go with them). In batches, each its own short transaction, so that the
 * job never holds many row locks or a long transaction beside the senders. A pending delivery keeps its event
 * however old: nothing committed is lost to the retention.
 */
@Component
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookRetention(JdbcClient jdbc, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    void deleteOldEvents() {
        Duration retention = settings.retention();
        Instant before = clock.instant().minus(retention);
        int deleted = 0;
        int batch;
        do {
            batch = deleteBatch(before);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} webhook events older than {}", deleted, retention);
        }
    }

    /** One statement in autocommit: its own transaction. */
    int deleteBatch(Instant before) {
        return jdbc.sql("""
                        DELETE FROM webhook_events WHERE id IN (
                            SELECT e.id FROM webhook_events e
                            WHERE e.occurred_at < ?
                              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                                              WHERE d.event_id = e.id AND d.state = 'PENDING')
                            ORDER BY e.occurred_at
                            FETCH FIRST %d ROWS ONLY)""".formatted(BATCH))
                .param(Timestamp.from(before)).update();
    }
}
