package app.roster.membership.web;

import app.roster.account.AccountId;
import app.roster.membership.AccountSelection;
import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.user.SignedInUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page, the account chooser and the switcher. */
@Controller
class AccountsController {

    private static final int PAGE_SIZE = 25;

    private final AccountSelection selection;
    private final Memberships memberships;
    private final PermissionCatalogue catalogue;

    AccountsController(AccountSelection selection, Memberships memberships, PermissionCatalogue catalogue) {
        this.selection = selection;
        this.memberships = memberships;
        this.catalogue = catalogue;
    }

    /** Lands in the selected account, or picks the only / last used one, or asks. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        var current = selection.current(session, user);
        if (current.isEmpty() && session.getAttribute(AccountSelection.ACCOUNT_GONE) != null) {
            // The account in use just went away (removed, left): the chooser says so before anything else.
            return "redirect:/accounts";
        }
        if (current.isEmpty()) {
            var automatic = selection.automaticChoice(user);
            if (automatic.isEmpty() || !selection.select(session, user, automatic.get())) {
                return "redirect:/accounts";
            }
            // The header was built before this selection: load the page again so it shows the account.
            return "redirect:/";
        }
        CurrentAccount account = current.orElseThrow(CurrentAccount.NoneSelected::new);
        model.addAttribute("account", account);
        model.addAttribute("permissions", catalogue.all().stream().filter(p -> account.may(p.key())).toList());
        return "membership/dashboard";
    }

    @GetMapping("/accounts")
    String chooser(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page,
            HttpSession session, Model model) {
        if (session.getAttribute(AccountSelection.ACCOUNT_GONE) != null) {
            session.removeAttribute(AccountSelection.ACCOUNT_GONE);
            model.addAttribute("accountGone", true);
        }
        int total = memberships.countForUser(user.id());
        Page.Request wanted = Page.Request.fromZero(page, PAGE_SIZE).within(total);
        model.addAttribute("memberships", wanted.of(memberships.forUser(user.id(), PAGE_SIZE, wanted.offset()), total));
        return "membership/chooser";
    }

    @PostMapping("/accounts/{id}/select")
    String select(@AuthenticationPrincipal SignedInUser user, @PathVariable AccountId id, HttpSession session) {
        if (!selection.select(session, user, id.value())) {
            throw new NotFound();
        }
        return "redirect:/";
    }
}
