package app.roster.user;

import java.time.Instant;
import java.util.Locale;

/**
 * A user created by staff is to choose their first password; the mail module listens. Not audited and
 * not printed: the link is a bearer credential.
 */
public record SetPasswordRequested(long userId, String email, String firstName, Locale language, String link,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "SetPasswordRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
