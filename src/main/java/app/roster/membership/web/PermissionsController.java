package app.roster.membership.web;

import app.roster.membership.ChangePermissions;
import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
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
    private final PermissionCatalogue catalogue;
    private final ChangePermissions changePermissions;

    PermissionsController(Colleagues colleagues, PermissionCatalogue catalogue, ChangePermissions changePermissions) {
        this.colleagues = colleagues;
        this.catalogue = catalogue;
        this.changePermissions = changePermissions;
    }

    @GetMapping("/users/{userId}/permissions")
    String show(CurrentAccount current, @PathVariable long userId, Model model) {
        current.require(PermissionCatalogue.USERS);
        Colleague colleague = colleagues.find(current, userId);
        if (colleague.membership().owner()) {
            throw new MembershipRefused("membership.refused.owner");
        }
        if (userId == current.userId()) {
            throw new MembershipRefused("membership.refused.self");
        }
        Set<String> held = colleague.membership().permissions();
        model.addAttribute("colleague", colleague);
        model.addAttribute("form", PermissionsForm.of(held, grantable(current), colleague.membership().version()));
        model.addAttribute("choices", catalogue.all().stream()
                .map(p -> new PermissionChoice(p, held.contains(p.key()), current.may(p.key()))).toList());
        model.addAttribute("presets", new TreeSet<>(catalogue.presets().keySet()));
        return "membership/permissions";
    }

    @PostMapping("/users/{userId}/permissions")
    String change(CurrentAccount current, @PathVariable long userId, @ModelAttribute("form") PermissionsForm form,
            RedirectAttributes redirect) {
        current.require(PermissionCatalogue.USERS);
        Colleague colleague = colleagues.find(current, userId);
        changePermissions.change(current.accountId(), current.userId(), userId,
                form.requested(grantable(current), catalogue.presets()), form.version());
        redirect.addFlashAttribute("notice", "permissions.saved");
        redirect.addFlashAttribute("noticeName", colleague.fullName());
        return "redirect:/users/" + userId + "/permissions";
    }

    /** What "All Permissions" means for this manager: the catalogue for the owner, their own permissions otherwise. */
    private Set<String> grantable(CurrentAccount current) {
        Set<String> grantable = new LinkedHashSet<>();
        catalogue.all().stream().filter(p -> current.may(p.key())).forEach(p -> grantable.add(p.key()));
        return grantable;
    }
}
