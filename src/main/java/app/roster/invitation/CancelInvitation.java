package app.roster.invitation;

import app.roster.shared.Actor;
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
    public void cancel(Actor actor, long accountId, long invitationId) {
        Invitation invitation = actors.requireManageable(actor, accountId, invitationId);
        if (!invitations.end(accountId, invitationId, Invitation.Status.CANCELLED, clock.instant())) {
            throw InvitationRefused.closed();
        }
        events.publishEvent(new InvitationEvents.InvitationEnded(accountId, invitationId, invitation.email().value(),
                "invitation.cancelled", actor instanceof Actor.Staff || actor instanceof Actor.ApiKey ? "staff" : "manager",
                actor));
    }
}
