package app.roster.invitation.api;

import app.roster.api.ApiRepresentations;
import app.roster.invitation.InvitationListing;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An invitation in webhook payloads, as its GET answers it: never the accept link. */
@Component
class InvitationRepresentation implements ApiRepresentations.OfInvitation {

    private final InvitationListing invitations;

    InvitationRepresentation(InvitationListing invitations) {
        this.invitations = invitations;
    }

    @Override
    public Optional<Object> invitation(long accountId, long invitationId) {
        return invitations.read(accountId, invitationId)
                .map(invitation -> InvitationsApiController.InvitationResponse.of(invitation, null));
    }
}
