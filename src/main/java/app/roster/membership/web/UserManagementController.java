package app.roster.membership.web;

import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.RemoveMember;
import app.roster.shared.CurrentAccount;
import app.roster.shared.Page;
import app.roster.user.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "User Management": the account's users, searchable and paginated, and "Remove" with its confirmation. */
@Controller
class UserManagementController {

    static final int PAGE_SIZE = 25;

    private final Memberships memberships;
    private final Colleagues colleagues;
    private final RemoveMember removeMember;
    private final PermissionCatalogue catalogue;

    UserManagementController(Memberships memberships, Colleagues colleagues, RemoveMember removeMember,
            PermissionCatalogue catalogue) {
        this.memberships = memberships;
        this.colleagues = colleagues;
        this.removeMember = removeMember;
        this.catalogue = catalogue;
    }

    @GetMapping("/users")
    String list(CurrentAccount current, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        current.require(PermissionCatalogue.USERS);
        String query = q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
        int total = memberships.countMembers(current.accountId(), query);
        Page.Request wanted = Page.Request.fromZero(page, PAGE_SIZE).within(total);
        model.addAttribute("account", current);
        model.addAttribute("members", wanted.of(
                memberships.members(current.accountId(), query, PAGE_SIZE, wanted.offset()), total));
        model.addAttribute("q", query);
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("everything", catalogue.everything());
        return "membership/users";
    }

    @GetMapping("/users/{userId}/remove")
    String confirmRemove(CurrentAccount current, @PathVariable UserId userId, Model model) {
        current.require(PermissionCatalogue.USERS);
        model.addAttribute("colleague", colleagues.find(current, userId.value()));
        model.addAttribute("account", current);
        return "membership/remove";
    }

    @PostMapping("/users/{userId}/remove")
    String remove(CurrentAccount current, @PathVariable UserId userId, RedirectAttributes redirect) {
        current.require(PermissionCatalogue.USERS);
        Colleague colleague = colleagues.find(current, userId.value());
        removeMember.remove(current.actor(), current.accountId(), userId.value());
        redirect.addFlashAttribute("notice", "users.removed");
        redirect.addFlashAttribute("noticeName", colleague.fullName());
        return "redirect:/users";
    }
}
