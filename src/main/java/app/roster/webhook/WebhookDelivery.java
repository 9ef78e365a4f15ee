package app.roster.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event to one endpoint: the delivery log's row, and what the sender needs (the exact body). */
public record WebhookDelivery(long id, long endpointId, UUID eventId, String eventType, long sequence, State state,
        int attempts, Instant nextAttemptAt, Instant retrySince, Instant lastAttemptAt, Integer lastStatus, Integer lastLatencyMs,
        String lastError, Instant createdAt, Instant deliveredAt, String payload) {

    public enum State {
        /** Waiting for its turn, its next attempt, or a sender. */
        PENDING,
        /** A 2xx came back. */
        DELIVERED,
        /** Given up after the retry period; its endpoint was disabled with it. */
        FAILED
    }
}
