package app.roster.user;

import java.time.Instant;

/**
 * A user as the lists of other modules show them: names, address, the flags staff see, and the last login
 * (time, IP address and hostname: display data only). Never a password hash, a secret or a token.
 */
public record UserSummary(long id, String firstName, String lastName, String email, boolean verified,
        boolean twoFactor, boolean disabled, Instant lastLoginAt, String lastLoginIp, String lastLoginHost) {

    /** "First Last", without the space when one of them is empty. */
    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
