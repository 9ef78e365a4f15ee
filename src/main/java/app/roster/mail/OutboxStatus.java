package app.roster.mail;

import java.time.Instant;

/** The outbox at a glance: messages waiting, messages given up on, and when one was last delivered (or null). */
public record OutboxStatus(long queued, long failed, Instant lastSentAt) {
}
