package app.roster.membership.web;

import app.roster.membership.ChangePermissions;
import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.user.UserId;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Manage Permissions" of one user; what the form asks for goes through {@link ChangePermissions}, never straight to the database. */
@Controller
class PermissionsController {

    private final Colleagues colleagues;
    private final PermissionPicker picker;
    private final ChangePermissions changePermissions;

    PermissionsController(Colleagues colleagues, PermissionPicker picker, ChangePermissions changePermissions) {
        this.colleagues = colleagues;
        this.picker = picker;
        this.changePermissions = changePermissions;
    }

    @GetMapping("/users/{userId}/permissions")
    String show(CurrentAccount current, @PathVariable UserId userId, Model model) {
        current.require(PermissionCatalogue.USERS);
        Colleague colleague = colleagues.find(current, userId.value());
        if (colleague.membership().owner()) {
            throw new MembershipRefused("membership.refused.owner");
        }
        if (userId.value() == current.userId()) {
            throw new MembershipRefused("membership.refused.self");
        }
        Set<String> held = colleague.membership().permissions();
        model.addAttribute("colleague", colleague);
        PermissionsForm form = picker.form(current, held, colleague.membership().version());
        model.addAttribute("form", form);
        picker.show(current, form, model);
        return "membership/permissions";
    }

    @PostMapping("/users/{userId}/permissions")
    String change(CurrentAccount current, @PathVariable UserId userId, @ModelAttribute("form") PermissionsForm form,
            RedirectAttributes redirect) {
        current.require(PermissionCatalogue.USERS);
        Colleague colleague = colleagues.find(current, userId.value());
        changePermissions.change(current.actor(), current.accountId(), userId.value(),
                picker.requested(current, form), form.version());
        redirect.addFlashAttribute("notice", "permissions.saved");
        redirect.addFlashAttribute("noticeName", colleague.fullName());
        return "redirect:/users/" + userId + "/permissions";
    }
}
