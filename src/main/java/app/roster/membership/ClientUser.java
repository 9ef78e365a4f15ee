package app.roster.membership;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user of a client account, as staff see them: last login with IP and hostname (display data only),
 * the stored permissions (at the version Manage Permissions sends back), and whether the membership still waits
 * for a verified email.
 */
public record ClientUser(long id, String name, String email, OffsetDateTime lastLoginAt, String lastLoginIp,
        String lastLoginHost, boolean owner, Set<String> permissions, boolean active, long version) {
}
