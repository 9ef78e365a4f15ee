package app.roster.invitation;

import app.roster.membership.Membership;
import app.roster.membership.Memberships;
import app.roster.shared.NotFound;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may act on an existing invitation: staff, the owner, or a manager whose permissions cover the
 * invitation's (the same "equals or below" rule as for removing users).
 */
@Component
class InvitationActor {

    private final Invitations invitations;
    private final Memberships memberships;

    InvitationActor(Invitations invitations, Memberships memberships) {
        this.invitations = invitations;
        this.memberships = memberships;
    }

    /** The invitation, if the actor may act on it; another account's id is {@link NotFound}. */
    Invitation requireManageable(long accountId, Inviter actor, long invitationId) {
        Invitation invitation = invitations.find(accountId, invitationId).orElseThrow(NotFound::new);
        if (!actor.isStaff()) {
            Membership manager = memberships.find(accountId, actor.userId()).orElseThrow(NotFound::new);
            InvitationRules.requireMayGrant(manager, invitation.permissions());
        }
        return invitation;
    }

    void requireMayGrant(long accountId, Inviter actor, Set<String> permissions) {
        if (!actor.isStaff()) {
            InvitationRules.requireMayGrant(memberships.find(accountId, actor.userId()).orElseThrow(NotFound::new),
                    permissions);
        }
    }
}
