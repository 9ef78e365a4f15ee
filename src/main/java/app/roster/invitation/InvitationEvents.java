package app.roster.invitation;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** Audited invitation events (never with the token or link), and the emails they cause. */
public final class InvitationEvents {

    private InvitationEvents() {
    }

    /** Sent or resent; the link travels only in {@link InvitationEmailRequested}. */
    public record InvitationSent(long accountId, long invitationId, String email, Set<String> permissions,
            boolean resent, Actor actor, boolean emailed) implements AuditedEvent {

        /** Sent by email, as every channel but a platform's own delivery does. */
        public InvitationSent(long accountId, long invitationId, String email, Set<String> permissions,
                boolean resent, Actor actor) {
            this(accountId, invitationId, email, permissions, resent, actor, true);
        }

        @Override
        public Audit audit() {
            return Audit.ofAccount(resent ? "invitation.resent" : "invitation.sent", accountId,
                    "invitation", invitationId, "email", email, "permissions", String.join(",", permissions))
                    .with(emailed ? java.util.Map.of() : java.util.Map.of("delivery", "none")).by(actor);
        }
    }

    /** The email to the invited address; the mail module renders it. Not audited: it holds the link. */
    public record InvitationEmailRequested(long invitationId, String email, Locale language, String accountName,
            String inviterName, String link, Instant expiresAt, Duration validFor) {
        @Override
        public String toString() {
            return "InvitationEmailRequested[invitation=" + invitationId + "]";
        }
    }

    public record InvitationEdited(long accountId, long invitationId, Set<String> before, Set<String> after,
            Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("invitation.edited", accountId, "invitation", invitationId,
                    "before", String.join(",", before), "after", String.join(",", after)).by(actor);
        }
    }

    /**
     * Cancelled by a manager or staff, expired, or cancelled because the inviter lost the authority to invite
     * (then, and when it expired, no actor is named: the trail asks the request, or records Roster itself).
     */
    public record InvitationEnded(long accountId, long invitationId, String email, String action, String reason,
            Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount(action, accountId, "invitation", invitationId, "email", email, "reason", reason)
                    .by(actor);
        }
    }

    /** Accepted: the invited address and the accepting user's address (they may differ, rule 5). */
    public record InvitationAccepted(long accountId, long invitationId, String invitedEmail, long userId,
            String acceptingEmail, Set<String> permissions, boolean active, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("invitation.accepted", accountId, userId, "invitation", invitationId,
                    "invited", invitedEmail, "accepted_by", acceptingEmail,
                    "permissions", String.join(",", permissions), "active", active).by(actor);
        }
    }

    /** An acceptance the rules refused (expired, used, domain), with the reason. */
    public record AcceptanceRefused(long accountId, long invitationId, long userId, String reason, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("invitation.acceptance_refused", accountId, userId, "invitation", invitationId,
                    "reason", reason).by(actor);
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
