package app.roster.membership;

import java.time.OffsetDateTime;

/** A row of the users directory: last login with IP and hostname (display data only), and how many accounts. */
public record DirectoryUser(long id, String name, String email, boolean verified, boolean twoFactor,
        boolean disabled, OffsetDateTime lastLoginAt, String lastLoginIp, String lastLoginHost, int accounts) {
}
