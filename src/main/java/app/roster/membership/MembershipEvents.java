package app.roster.membership;

import app.roster.shared.AuditedEvent;
import java.util.Map;
import java.util.Set;

/** What happens to memberships: audited, and the affected user is told by email. */
public final class MembershipEvents {

    private MembershipEvents() {
    }

    /** A manager (or staff) changed a user's permissions in an account. */
    public record PermissionsChanged(long accountId, String accountName, long userId, Set<String> before,
            Set<String> after) implements AuditedEvent {
        @Override
        public String action() {
            return "membership.permissions_changed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("before", String.join(",", before), "after", String.join(",", after));
        }
    }

    /** A manager (or staff) removed a user from an account. */
    public record MemberRemoved(long accountId, String accountName, long userId, Set<String> permissions)
            implements AuditedEvent {
        @Override
        public String action() {
            return "membership.removed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("permissions", String.join(",", permissions));
        }
    }

    /** A user left an account of their own accord. */
    public record MemberLeft(long accountId, long userId, Set<String> permissions) implements AuditedEvent {
        @Override
        public String action() {
            return "membership.left";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("permissions", String.join(",", permissions));
        }
    }

    /** Ownership moved, by the owner's hand-over or by staff ("Make Owner"). */
    public record OwnershipTransferred(long accountId, String accountName, long fromUserId, long toUserId,
            boolean byStaff) implements AuditedEvent {
        @Override
        public String action() {
            return "membership.ownership_transferred";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return toUserId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("from", String.valueOf(fromUserId), "to", String.valueOf(toUserId),
                    "by", byStaff ? "staff" : "owner");
        }
    }
}
