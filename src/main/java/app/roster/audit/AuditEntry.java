package app.roster.audit;

import java.time.Instant;

/** One row of the trail. */
public record AuditEntry(long id, Instant occurredAt, String action, String actorType, Long actorId,
        String actorLabel, String ip, Long accountId, Long userId, String details) {
}
