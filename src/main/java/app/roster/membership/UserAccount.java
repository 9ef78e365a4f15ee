package app.roster.membership;

import java.util.Set;

/**
 * One account a user belongs to, as staff see it: its status, whether the user owns it, whether the
 * membership still waits for a verified email, and the permissions stored for the user there.
 */
public record UserAccount(long accountId, String name, String status, boolean owner, boolean active,
        Set<String> permissions) {
}
