package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import app.roster.invitation.CancelInvitation;
import app.roster.invitation.Invitation;
import app.roster.invitation.InvitationId;
import app.roster.invitation.InvitationRefused;
import app.roster.invitation.Invitations;
import app.roster.invitation.ResendInvitation;
import app.roster.shared.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Resend Invite" and "Cancel Invite" (with a confirmation) under a client's Pending Invites, as staff. */
@Controller
class ClientInvitesController {

    private static final String INVITE = "/admin/clients/{id}/invites/{invitationId}";

    private final StaffClients clients;
    private final Invitations invitations;
    private final ResendInvitation resendInvitation;
    private final CancelInvitation cancelInvitation;

    ClientInvitesController(StaffClients clients, Invitations invitations, ResendInvitation resendInvitation,
            CancelInvitation cancelInvitation) {
        this.clients = clients;
        this.invitations = invitations;
        this.resendInvitation = resendInvitation;
        this.cancelInvitation = cancelInvitation;
    }

    @PostMapping(INVITE + "/resend")
    String resend(@PathVariable AccountId id, @PathVariable InvitationId invitationId,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        Invitation invitation = invitation(client, invitationId);
        try {
            resendInvitation.resend(clients.actorOf(staff), client.id(), invitation.id());
            redirect.addFlashAttribute("notice", "admin.invites.resent");
        } catch (InvitationRefused refused) {
            redirect.addFlashAttribute("problem", refusal(refused));
        }
        redirect.addFlashAttribute("noticeName", invitation.email().value());
        return StaffClients.usersTab(client);
    }

    @AdministratorsOnly
    @GetMapping(INVITE + "/cancel")
    String confirmCancel(@PathVariable AccountId id, @PathVariable InvitationId invitationId, Model model) {
        ClientDetails client = clients.activeClient(id);
        model.addAttribute("client", client);
        model.addAttribute("invitation", invitation(client, invitationId));
        return "admin/cancel-invite";
    }

    @PostMapping(INVITE + "/cancel")
    String cancel(@PathVariable AccountId id, @PathVariable InvitationId invitationId,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        Invitation invitation = invitation(client, invitationId);
        try {
            cancelInvitation.cancel(clients.actorOf(staff), client.id(), invitation.id());
            redirect.addFlashAttribute("notice", "admin.invites.cancelled");
        } catch (InvitationRefused refused) {
            redirect.addFlashAttribute("problem", refusal(refused));
        }
        redirect.addFlashAttribute("noticeName", invitation.email().value());
        return StaffClients.usersTab(client);
    }

    /** Another client's invitation is just another id that does not exist. */
    private Invitation invitation(ClientDetails client, InvitationId invitationId) {
        return invitations.find(client.id(), invitationId.value())
                .orElseThrow(ClientNotFoundException::new);
    }

    /** Closed meanwhile names the invitation; any other refusal (too many resent this hour) gives its reason. */
    private static String refusal(InvitationRefused refused) {
        return refused.kind() == Refusal.Kind.CONFLICT ? "admin.invites.closed" : refused.messageKey();
    }
}
