package app.roster.membership;

import java.time.Instant;
import java.util.Set;

/**
 * A user of an account as the API lists them: the permissions in effect (every one for the owner), whether the
 * membership still waits for a verified email ({@code active} false), and its version, which changes with every
 * change of its permissions.
 */
public record ListedMember(long userId, String firstName, String lastName, String email, boolean emailVerified,
        boolean owner, boolean active, Set<String> permissions, long version, Instant joinedAt,
        Instant lastLoginAt) {
}
