package app.roster.invitation;

import app.roster.membership.PermissionCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a pending invitation's permissions; the link stays valid (rule 5). The address never changes. */
@Service
public class EditInvitation {

    private final Invitations invitations;
    private final InvitationActor actors;
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EditInvitation(Invitations invitations, InvitationActor actors, PermissionCatalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.actors = actors;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void edit(long accountId, Inviter actor, long invitationId, Set<String> permissions) {
        Set<String> known = catalogue.requireKnown(permissions);
        Invitation invitation = actors.requireManageable(accountId, actor, invitationId);
        actors.requireMayGrant(accountId, actor, known);
        Instant now = clock.instant();
        invitation.requireOpen(now);
        if (invitation.permissions().equals(known)) {
            return;
        }
        if (!invitations.updatePermissions(accountId, invitationId, known, now)) {
            throw new InvitationRefused("invitation.refused.closed");
        }
        events.publishEvent(new InvitationEvents.InvitationEdited(accountId, invitationId, invitation.permissions(),
                known));
    }
}
