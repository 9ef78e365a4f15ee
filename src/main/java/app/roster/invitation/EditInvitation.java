package app.roster.invitation;

import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Actor;
import app.roster.shared.ChangedMeanwhile;
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

    /**
     * From an edit form that showed {@code version}: a stale one is {@link ChangedMeanwhile}, even when it would
     * change nothing, because its author decided on permissions that are no longer the invitation's.
     */
    @Transactional
    public void edit(Actor actor, long accountId, long invitationId, Set<String> permissions, long version) {
        Set<String> known = catalogue.requireKnown(permissions);
        Invitation invitation = actors.requireManageable(actor, accountId, invitationId);
        actors.requireMayGrant(actor, accountId, known);
        Instant now = clock.instant();
        invitation.requireOpen(now);
        if (invitation.version() != version) {
            throw new ChangedMeanwhile();
        }
        if (invitation.permissions().equals(known)) {
            return;
        }
        if (!invitations.updatePermissions(accountId, invitationId, known, version, now)) {
            // Between our read and our write it was edited, or cancelled, accepted or expired.
            boolean stillOpen = invitations.find(accountId, invitationId).filter(i -> i.isOpenAt(now)).isPresent();
            throw stillOpen ? new ChangedMeanwhile() : InvitationRefused.closed();
        }
        events.publishEvent(new InvitationEvents.InvitationEdited(accountId, invitationId, invitation.permissions(),
                known, actor));
    }
}
