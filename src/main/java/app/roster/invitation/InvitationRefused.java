package app.roster.invitation;

import app.roster.shared.Refusal;

/** An invitation action the rules refuse; the key (and arguments) explain why next to the field. */
public class InvitationRefused extends Refusal {

    private final Long existingInvitationId;

    private InvitationRefused(Kind kind, String field, String messageKey, Long existingInvitationId,
            Object... arguments) {
        super(kind, messageKey, field, arguments);
        this.existingInvitationId = existingInvitationId;
    }

    /** About the invited address (outside the domains, already a user, too many): shown next to it. */
    static InvitationRefused ofEmail(String messageKey, Object... arguments) {
        return new InvitationRefused(Kind.INVALID, "email", messageKey, null, arguments);
    }

    /** Already a user of the account (or waiting to be): it clashes with what exists. */
    static InvitationRefused member() {
        return new InvitationRefused(Kind.CONFLICT, "email", "invitation.refused.member", null);
    }

    /** Only a platform API key delivers an invitation's link itself; anyone else has it emailed. */
    static InvitationRefused ownDelivery() {
        return new InvitationRefused(Kind.FORBIDDEN, "delivery", "invitation.refused.ownDelivery", null);
    }

    /** Already invited: the page offers to resend the pending invitation. */
    static InvitationRefused pending(long existingInvitationId) {
        return new InvitationRefused(Kind.CONFLICT, "email", "invitation.refused.pending", existingInvitationId);
    }

    /** Permissions the inviter does not hold (rule 3), shown next to the permissions. */
    static InvitationRefused notHeld() {
        return new InvitationRefused(Kind.FORBIDDEN, "permissions", "invitation.refused.notHeld", null);
    }

    /** Accepted, cancelled or expired meanwhile. */
    static InvitationRefused closed() {
        return new InvitationRefused(Kind.CONFLICT, null, "invitation.refused.closed", null);
    }

    /** For "already invited": the pending invitation the page offers to resend. */
    public Long existingInvitationId() {
        return existingInvitationId;
    }
}
