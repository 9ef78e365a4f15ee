package app.roster.user;

import java.time.Instant;
import java.util.Locale;

/** Ask the mail module to send a verification link. The link lives only in the outbox, never in the audit. */
public record EmailVerificationRequested(long userId, String email, String firstName, Locale language,
        String link, Instant expiresAt) {
}
