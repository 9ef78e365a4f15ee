package app.roster.mail;

import java.time.Instant;
import java.util.Map;

/** One row of the outbox. The bodies and extra headers are gone once redacted (they hold links). */
public record OutboxMessage(long id, String recipient, String subject, String textBody, String htmlBody,
        State state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
        Instant redactedAt, Map<String, String> headers) {

    public enum State { QUEUED, SENT, FAILED }

    public boolean redacted() {
        return redactedAt != null;
    }
}
