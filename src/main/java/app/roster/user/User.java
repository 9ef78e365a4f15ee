package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.time.Instant;

/** A login identity. Passwords are kept only as Argon2id hashes. */
public record User(long id, EmailAddress email, String passwordHash, String firstName, String lastName,
        Language language, boolean emailVerified, boolean disabled, String totpSecret, LastLogin lastLogin,
        Long lastAccountId, Instant createdAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean twoFactorEnabled() {
        return totpSecret != null;
    }

    /** Time, IP and hostname of the last successful login; the hostname is display data only. */
    public record LastLogin(Instant at, String ip, String hostname) {
        public static final LastLogin NEVER = new LastLogin(null, null, null);
    }
}
