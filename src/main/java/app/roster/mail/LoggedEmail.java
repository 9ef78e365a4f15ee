package app.roster.mail;

import java.time.Instant;

/** One outbox message as staff see it; the text body is null once redacted (or when there was none). */
public record LoggedEmail(long id, String recipient, String subject, String textBody, State state, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Instant redactedAt) {

    public enum State { QUEUED, SENT, FAILED }

    public boolean redacted() {
        return redactedAt != null;
    }

    public boolean failed() {
        return state == State.FAILED;
    }
}
