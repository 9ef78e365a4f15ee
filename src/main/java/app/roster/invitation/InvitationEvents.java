package app.roster.invitation;

import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Audited invitation events (never with the token or link), and the emails they cause. */
public final class InvitationEvents {

    private InvitationEvents() {
    }

    /** Sent or resent; the link travels only in {@link InvitationEmailRequested}. */
    public record InvitationSent(long accountId, long invitationId, String email, Set<String> permissions,
            boolean resent) implements AuditedEvent {
        @Override
        public String action() {
            return resent ? "invitation.resent" : "invitation.sent";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("invitation", String.valueOf(invitationId), "email", email,
                    "permissions", String.join(",", permissions));
        }
    }

    /** The email to the invited address; the mail module renders it. Not audited: it holds the link. */
    public record InvitationEmailRequested(long invitationId, String email, Locale language, String accountName,
            String inviterName, String link, Instant expiresAt) {
        @Override
        public String toString() {
            return "InvitationEmailRequested[invitation=" + invitationId + "]";
        }
    }

    public record InvitationEdited(long accountId, long invitationId, Set<String> before, Set<String> after)
            implements AuditedEvent {
        @Override
        public String action() {
            return "invitation.edited";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("invitation", String.valueOf(invitationId), "before", String.join(",", before),
                    "after", String.join(",", after));
        }
    }

    /** Cancelled by a manager or staff, or because the inviter lost the authority to invite. */
    public record InvitationEnded(long accountId, long invitationId, String email, String action, String reason)
            implements AuditedEvent {
        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("invitation", String.valueOf(invitationId), "email", email, "reason", reason);
        }
    }

    /** Accepted: the invited address and the accepting user's address (they may differ, rule 5). */
    public record InvitationAccepted(long accountId, long invitationId, String invitedEmail, long userId,
            String acceptingEmail, Set<String> permissions, boolean active) implements AuditedEvent {
        @Override
        public String action() {
            return "invitation.accepted";
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
            return Map.of("invitation", String.valueOf(invitationId), "invited", invitedEmail,
                    "accepted_by", acceptingEmail, "permissions", String.join(",", permissions),
                    "active", String.valueOf(active));
        }
    }

    /** An acceptance the rules refused (expired, used, domain), with the reason. */
    public record AcceptanceRefused(long accountId, long invitationId, long userId, String reason)
            implements AuditedEvent {
        @Override
        public String action() {
            return "invitation.acceptance_refused";
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
            return Map.of("invitation", String.valueOf(invitationId), "reason", reason);
        }
    }

    /** Tells the staff member who sent the invitation from the Admin Area who accepted it. */
    public record StaffInviterNotified(long staffId, long accountId, String accountName, String acceptedByName,
            String acceptedByEmail) {
    }

    /** Tells the inviter who accepted (name and address). */
    public record InviterNotified(long inviterUserId, String accountName, String acceptedByName,
            String acceptedByEmail) {
    }
}
