package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Set;

/** What happens to memberships: audited, and the affected user is told by email. */
public final class MembershipEvents {

    private MembershipEvents() {
    }

    /** A manager (or staff) changed a user's permissions in an account. */
    public record PermissionsChanged(long accountId, String accountName, long userId, Set<String> before,
            Set<String> after, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("membership.permissions_changed", accountId, userId,
                    "before", String.join(",", before), "after", String.join(",", after)).by(actor);
        }
    }

    /** A manager (or staff) removed a user from an account. */
    public record MemberRemoved(long accountId, String accountName, long userId, Set<String> permissions,
            Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("membership.removed", accountId, userId, "permissions", String.join(",", permissions))
                    .by(actor);
        }
    }

    /** A user left an account of their own accord. */
    public record MemberLeft(long accountId, long userId, Set<String> permissions, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("membership.left", accountId, userId, "permissions", String.join(",", permissions))
                    .by(actor);
        }
    }

    /** Ownership moved, by the owner's hand-over or by staff ("Make Owner"). */
    public record OwnershipTransferred(long accountId, String accountName, long fromUserId, long toUserId,
            Actor actor) implements AuditedEvent {

        public boolean byStaff() {
            return actor instanceof Actor.Staff;
        }

        @Override
        public Audit audit() {
            return Audit.ofMember("membership.ownership_transferred", accountId, toUserId, "from", fromUserId,
                    "to", toUserId, "by", byStaff() ? "staff" : "owner").by(actor);
        }
    }
}
