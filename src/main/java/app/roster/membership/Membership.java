package app.roster.membership;

import java.util.Set;

/** One user's place in one account. */
public record Membership(long accountId, String accountName, long userId, boolean owner, Set<String> permissions) {

    /** The owner holds every permission, always (rule 1). */
    public Set<String> effectivePermissions() {
        return owner ? Set.copyOf(Permissions.CATALOGUE) : permissions;
    }
}
