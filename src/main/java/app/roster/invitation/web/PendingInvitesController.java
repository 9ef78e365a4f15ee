package app.roster.invitation.web;

import app.roster.invitation.CancelInvitation;
import app.roster.invitation.InvitationId;
import app.roster.invitation.Invitations;
import app.roster.invitation.ResendInvitation;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Resend Invite" and "Cancel Invite" (with its confirmation) of the Pending Invites section. */
@Controller
class PendingInvitesController {

    private final Invitations invitations;
    private final ResendInvitation resendInvitation;
    private final CancelInvitation cancelInvitation;

    PendingInvitesController(Invitations invitations, ResendInvitation resendInvitation,
            CancelInvitation cancelInvitation) {
        this.invitations = invitations;
        this.resendInvitation = resendInvitation;
        this.cancelInvitation = cancelInvitation;
    }

    @PostMapping("/users/invitations/{invitationId}/resend")
    String resend(CurrentAccount current, @PathVariable InvitationId invitationId, RedirectAttributes redirect) {
        resendInvitation.resend(current.actor(), current.accountId(), invitationId.value());
        String email = find(current, invitationId);
        redirect.addFlashAttribute("notice", "invites.resent");
        redirect.addFlashAttribute("noticeName", email);
        return "redirect:/users";
    }

    @GetMapping("/users/invitations/{invitationId}/cancel")
    String confirmCancel(CurrentAccount current, @PathVariable InvitationId invitationId, Model model) {
        current.require(PermissionCatalogue.USERS);
        model.addAttribute("invitationId", invitationId.value());
        model.addAttribute("email", find(current, invitationId));
        return "invitation/cancel";
    }

    @PostMapping("/users/invitations/{invitationId}/cancel")
    String cancel(CurrentAccount current, @PathVariable InvitationId invitationId, RedirectAttributes redirect) {
        cancelInvitation.cancel(current.actor(), current.accountId(), invitationId.value());
        String email = find(current, invitationId);
        redirect.addFlashAttribute("notice", "invites.cancelled");
        redirect.addFlashAttribute("noticeName", email);
        return "redirect:/users";
    }

    /** Rule 4: another account's invitation answers like one that does not exist. */
    private String find(CurrentAccount current, InvitationId invitationId) {
        return invitations.find(current.accountId(), invitationId.value()).orElseThrow(NotFound::new).email().value();
    }
}
