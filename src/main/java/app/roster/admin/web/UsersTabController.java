package app.roster.admin.web;

import app.roster.admin.ClientDetails;
import app.roster.admin.ClientDirectory;
import app.roster.invitation.Invitation;
import app.roster.invitation.Invitations;
import app.roster.membership.PermissionCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Users tab of a client's page: its users, its pending invites (capped, with their total), Associate User. */
@Controller
class UsersTabController {

    private static final int MAX_INVITES = 100;

    /** A row of Pending Invites. */
    record PendingInvite(long id, String email, OffsetDateTime sentAt, OffsetDateTime expiresAt, boolean expired,
            int permissionCount) {
    }

    private final ClientDirectory clients;
    private final Invitations invitations;
    private final PermissionCatalogue catalogue;
    private final Clock clock;

    UsersTabController(ClientDirectory clients, Invitations invitations, PermissionCatalogue catalogue, Clock clock) {
        this.clients = clients;
        this.invitations = invitations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/admin/clients/{id}/users")
    String users(@PathVariable String id, Model model) {
        ClientDetails client = clients.find(ClientsController.id(id)).orElseThrow(ClientNotFoundException::new);
        Instant now = clock.instant();
        List<PendingInvite> invites = invitations.pendingOrExpired(client.id(), MAX_INVITES, 0).stream()
                .map(invitation -> pending(invitation, now)).toList();
        model.addAttribute("client", client);
        model.addAttribute("invites", invites);
        model.addAttribute("invitesTotal", invitations.countPendingOrExpired(client.id()));
        model.addAttribute("everything", catalogue.everything());
        return "admin/client-users";
    }

    private static PendingInvite pending(Invitation invitation, Instant now) {
        return new PendingInvite(invitation.id(), invitation.email().value(),
                invitation.sentAt().atOffset(ZoneOffset.UTC), invitation.expiresAt().atOffset(ZoneOffset.UTC),
                invitation.statusAt(now) == Invitation.Status.EXPIRED, invitation.permissions().size());
    }
}
