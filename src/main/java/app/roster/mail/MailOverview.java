package app.roster.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * The mail settings staff may see, without any secret, and the queue's state.
 *
 * @param smtp        false when no SMTP server is configured and mail stays in the dev mailbox
 * @param lastSentAt  the last delivery, or null
 */
public record MailOverview(boolean smtp, String host, int port, boolean startTls, boolean ssl, String from,
        int maxAttempts, Duration bodyRetention, long queued, long failed, Instant lastSentAt) {
}
