package app.roster.membership;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One user's place in one account, with the permissions in effect (the owner holds every one, always).
 * It guards rules 1–3: what a manager may change, whom they may remove, who may leave or become owner.
 * The version counts the changes of its permissions, so that a form shown before the latest one is refused.
 */
public record Membership(long accountId, String accountName, long userId, boolean owner, Set<String> permissions,
        long version) {

    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    /**
     * What a credential limited to {@code scope} may do with this membership: only the permissions both hold, and
     * the owner's standing only when the scope carries every permission of the catalogue ({@code everything}).
     */
    Membership cappedTo(Set<String> scope, Set<String> everything) {
        Set<String> capped = new LinkedHashSet<>(permissions);
        capped.retainAll(scope);
        return new Membership(accountId, accountName, userId, owner && scope.containsAll(everything),
                java.util.Collections.unmodifiableSet(capped), version);
    }

    /**
     * Rule 3: an owner sets exactly what was asked; any other manager changes only permissions they hold
     * themselves, and the target keeps the rest as it was. Keys must be known already.
     */
    Set<String> permissionsAfterChangeBy(Membership manager, Set<String> requested) {
        requireManagedBy(manager);
        if (manager.owner()) {
            return new LinkedHashSet<>(requested);
        }
        Set<String> result = new HashSet<>(permissions);
        result.removeAll(manager.permissions());
        requested.stream().filter(manager.permissions()::contains).forEach(result::add);
        return result;
    }

    /** A manager removes only their equals or below: the target's permissions within their own. */
    void requireRemovableBy(Membership manager) {
        requireManagedBy(manager);
        if (!manager.owner() && !manager.permissions().containsAll(permissions)) {
            throw new MembershipRefused("membership.refused.notSubset");
        }
    }

    /** Rule 2: a non-owner may leave; the owner first transfers ownership. */
    void requireMayLeave() {
        if (owner) {
            throw new MembershipRefused("membership.refused.ownerLeaves");
        }
    }

    /** Only the owner hands ownership over, and only to another user of the same account. */
    void requireMayReceiveOwnershipFrom(Membership current) {
        if (!current.owner()) {
            throw new MembershipRefused("membership.refused.notOwner");
        }
        if (current.userId() == userId) {
            throw new MembershipRefused("membership.refused.self");
        }
    }

    /** Rules 1 and 2: a manager never touches the owner nor themselves. */
    private void requireManagedBy(Membership manager) {
        if (manager.accountId() != accountId || !manager.may(PermissionCatalogue.USERS)) {
            throw new MembershipRefused("membership.refused.notManager");
        }
        if (owner) {
            throw new MembershipRefused("membership.refused.owner");
        }
        if (manager.userId() == userId) {
            throw new MembershipRefused("membership.refused.self");
        }
    }
}
