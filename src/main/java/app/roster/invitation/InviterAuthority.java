package app.roster.invitation;

import app.roster.membership.MembershipEvents;
import app.roster.membership.PermissionCatalogue;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Invitations never outlive the inviter's authority: when a manager leaves, is removed, or loses
 * {@code users}, their pending invitations in that account are cancelled in the same transaction.
 */
@Component
class InviterAuthority {

    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InviterAuthority(Invitations invitations, ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(MembershipEvents.MemberRemoved removed) {
        cancelOpenInvitations(removed.accountId(), removed.userId(), "inviter_removed");
    }

    @EventListener
    void on(MembershipEvents.MemberLeft left) {
        cancelOpenInvitations(left.accountId(), left.userId(), "inviter_left");
    }

    @EventListener
    void on(MembershipEvents.PermissionsChanged changed) {
        if (!changed.after().contains(PermissionCatalogue.USERS)) {
            cancelOpenInvitations(changed.accountId(), changed.userId(), "inviter_lost_users_permission");
        }
    }

    private void cancelOpenInvitations(long accountId, long inviterUserId, String reason) {
        for (Invitation invitation : invitations.openBy(accountId, inviterUserId)) {
            if (invitations.end(accountId, invitation.id(), Invitation.Status.CANCELLED, clock.instant())) {
                events.publishEvent(new InvitationEvents.InvitationEnded(accountId, invitation.id(),
                        invitation.email().value(), "invitation.cancelled", reason, null));
            }
        }
    }
}
