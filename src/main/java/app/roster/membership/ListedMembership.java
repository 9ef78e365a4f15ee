package app.roster.membership;

import java.time.Instant;
import java.util.Set;

/**
 * One account a user belongs to: its name and status (ACTIVE or CLOSED), whether the user owns it, whether the
 * membership still waits for a verified email, and the permissions in effect there.
 */
public record ListedMembership(long accountId, String accountName, String accountStatus, boolean owner,
        boolean active, Set<String> permissions, long version, Instant joinedAt) {
}
