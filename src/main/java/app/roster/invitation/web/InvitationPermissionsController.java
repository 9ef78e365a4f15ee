package app.roster.invitation.web;

import app.roster.invitation.EditInvitation;
import app.roster.invitation.Invitation;
import app.roster.invitation.InvitationId;
import app.roster.invitation.Invitations;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.web.PermissionPicker;
import app.roster.membership.web.PermissionsForm;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The permissions of a pending invitation, with the same picker; the emailed link stays valid. */
@Controller
class InvitationPermissionsController {

    private final Invitations invitations;
    private final EditInvitation editInvitation;
    private final PermissionPicker picker;
    private final Clock clock;

    InvitationPermissionsController(Invitations invitations, EditInvitation editInvitation, PermissionPicker picker,
            Clock clock) {
        this.invitations = invitations;
        this.editInvitation = editInvitation;
        this.picker = picker;
        this.clock = clock;
    }

    @GetMapping("/users/invitations/{invitationId}/permissions")
    String show(CurrentAccount current, @PathVariable InvitationId invitationId, Model model) {
        current.require(PermissionCatalogue.USERS);
        Invitation invitation = find(current, invitationId);
        model.addAttribute("invitation", invitation);
        model.addAttribute("open", invitation.isOpenAt(clock.instant()));
        PermissionsForm form = picker.form(current, invitation.permissions(), invitation.version());
        model.addAttribute("form", form);
        picker.show(current, form, model);
        return "invitation/permissions";
    }

    @PostMapping("/users/invitations/{invitationId}/permissions")
    String change(CurrentAccount current, @PathVariable InvitationId invitationId,
            @ModelAttribute("form") PermissionsForm form, RedirectAttributes redirect) {
        editInvitation.edit(current.actor(), current.accountId(), invitationId.value(), picker.requested(current, form),
                form.version());
        Invitation invitation = find(current, invitationId);
        redirect.addFlashAttribute("notice", "invites.edited");
        redirect.addFlashAttribute("noticeName", invitation.email().value());
        return "redirect:/users";
    }

    private Invitation find(CurrentAccount current, InvitationId invitationId) {
        return invitations.find(current.accountId(), invitationId.value()).orElseThrow(NotFound::new);
    }
}
