package app.roster.user;

import java.time.Instant;
import java.util.Locale;

/** A reset link for a known address; unknown addresses get no email and the same answer on the page. */
public record PasswordResetRequested(long userId, String email, String firstName, Locale language,
        String link, Instant expiresAt) {
}
