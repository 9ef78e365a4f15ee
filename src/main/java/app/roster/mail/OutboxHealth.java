package app.roster.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog in {@code /actuator/health} ("outbox"), shown only to holders of the metrics token. A backlog
 * never takes a node out of service: mail waits in the database whichever node sends it, so it stays UP and out of
 * the readiness group.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    private final Outbox outbox;
    private final Clock clock;

    OutboxHealth(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Health health() {
        OutboxStatus status = outbox.status();
        Health.Builder health = Health.up().withDetail("queued", status.queued()).withDetail("failed", status.failed());
        Instant oldest = outbox.oldestQueuedAt().orElse(null);
        health.withDetail("oldestQueuedSeconds", oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds());
        if (status.lastSentAt() != null) {
            health.withDetail("lastSentAt", status.lastSentAt().toString());
        }
        return health.build();
    }
}
