package app.roster.user;

import app.roster.shared.Language;
import java.time.Instant;

/** A user as the API lists them; never a password hash, a second-factor secret or a login IP. */
public record ListedUser(long id, String firstName, String lastName, String email, boolean emailVerified,
        boolean disabled, boolean twoFactorEnabled, Language language, Instant lastLoginAt, Instant createdAt) {
}
