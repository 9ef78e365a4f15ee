package app.roster.mail;

import java.time.Instant;

/** One row of the outbox. The bodies are null once redacted. */
public record OutboxMessage(long id, String recipient, String subject, String textBody, String htmlBody,
        State state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
        Instant redactedAt) {

    public enum State { QUEUED, SENT, FAILED }

    public boolean redacted() {
        return redactedAt != null;
    }
}
