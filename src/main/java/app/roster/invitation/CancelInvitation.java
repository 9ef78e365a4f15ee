package app.roster.invitation;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Cancel Invite": the link stops working; the row stays as history. */
@Service
public class CancelInvitation {

    private final Invitations invitations;
    private final InvitationActor actors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CancelInvitation(Invitations invitations, InvitationActor actors, ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.actors = actors;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void cancel(long accountId, Inviter actor, long invitationId) {
        Invitation invitation = actors.requireManageable(accountId, actor, invitationId);
        if (!invitations.end(accountId, invitationId, Invitation.Status.CANCELLED, clock.instant())) {
            throw new InvitationRefused("invitation.refused.closed");
        }
        events.publishEvent(new InvitationEvents.InvitationEnded(accountId, invitationId, invitation.email().value(),
                "invitation.cancelled", actor.isStaff() ? "staff" : "manager"));
    }
}
