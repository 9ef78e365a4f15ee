package app.roster.membership.web;

import app.roster.membership.MemberListing;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.RemoveMember;
import app.roster.shared.CurrentAccount;
import app.roster.shared.SearchTerm;
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

    private final MemberListing listing;
    private final Colleagues colleagues;
    private final RemoveMember removeMember;
    private final PermissionCatalogue catalogue;

    UserManagementController(MemberListing listing, Colleagues colleagues, RemoveMember removeMember,
            PermissionCatalogue catalogue) {
        this.listing = listing;
        this.colleagues = colleagues;
        this.removeMember = removeMember;
        this.catalogue = catalogue;
    }

    /** A page of {@value #PAGE_SIZE} after or before a cursor ({@code after}, {@code before}); none: the first. */
    @GetMapping("/users")
    String list(CurrentAccount current, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Model model) {
        current.require(PermissionCatalogue.USERS);
        String query = q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
        model.addAttribute("account", current);
        model.addAttribute("members", listing.members(current.accountId(), SearchTerm.of(query), blank(after),
                blank(before), PAGE_SIZE));
        model.addAttribute("after", blank(after));
        model.addAttribute("before", blank(before));
        model.addAttribute("q", query);
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("everything", catalogue.everything());
        return "membership/users";
    }

    private static String blank(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
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
