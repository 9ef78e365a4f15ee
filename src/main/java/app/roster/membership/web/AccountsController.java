package app.roster.membership.web;

import app.roster.account.AccountId;
import app.roster.membership.AccountSelection;
import app.roster.membership.Membership;
import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.user.ReturnAfterLogin;
import app.roster.user.SignedInUser;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final ReturnAfterLogin returnAfterLogin;

    AccountsController(AccountSelection selection, Memberships memberships, PermissionCatalogue catalogue,
            ReturnAfterLogin returnAfterLogin) {
        this.selection = selection;
        this.memberships = memberships;
        this.catalogue = catalogue;
        this.returnAfterLogin = returnAfterLogin;
    }

    /**
     * Right after a login, a user of several accounts picks one (the seeds: "prompted to select which account
     * they would like to manage upon login"). Otherwise: the selected account, or the only / last used one.
     */
    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        if (returnAfterLogin.landedFromLogin(session) && memberships.countForUser(user.id()) > 1) {
            return "redirect:/accounts";
        }
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

    /** The chooser: the last used account first and marked, then all of them by name (the last used left out). */
    @GetMapping("/accounts")
    String chooser(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String next, HttpSession session, Model model) {
        boolean gone = session.getAttribute(AccountSelection.ACCOUNT_GONE) != null;
        session.removeAttribute(AccountSelection.ACCOUNT_GONE);
        int total = memberships.countForUser(user.id());
        Optional<String> then = returnAfterLogin.local(next);
        if (then.isPresent() && !gone && total == 1) {
            // A deep link of a user with one account: nothing to choose.
            var only = memberships.forUser(user.id(), 1, 0).getFirst();
            if (selection.select(session, user, only.accountId())) {
                return "redirect:" + then.get();
            }
        }
        model.addAttribute("next", then.orElse(null));
        Page.Request wanted = Page.Request.fromZero(page, PAGE_SIZE).within(total);
        Optional<Membership> lastUsed = selection.lastUsed(user);
        List<Chooser.Choice> choices = new ArrayList<>();
        if (wanted.offset() == 0) {
            lastUsed.ifPresent(m -> choices.add(new Chooser.Choice(m.accountId(), m.accountName(), m.owner(), true)));
        }
        memberships.forUser(user.id(), PAGE_SIZE, wanted.offset()).stream()
                .filter(m -> lastUsed.isEmpty() || m.accountId() != lastUsed.get().accountId())
                .forEach(m -> choices.add(new Chooser.Choice(m.accountId(), m.accountName(), m.owner(), false)));
        model.addAttribute("memberships", wanted.of(choices, total));
        model.addAttribute("chooserMessage",
                Chooser.Message.of(model.getAttribute("notice"), model.getAttribute("noticeName"), gone, total));
        return "membership/chooser";
    }

    /**
     * Selects one of the user's accounts, then goes on to the page asked for (a local path only) or the start page;
     * any other id answers 404, like one that does not exist.
     */
    @PostMapping("/accounts/{id}/select")
    String select(@AuthenticationPrincipal SignedInUser user, @PathVariable AccountId id,
            @RequestParam(required = false) String next, HttpSession session) {
        if (!selection.select(session, user, id.value())) {
            throw new NotFound();
        }
        return "redirect:" + returnAfterLogin.local(next).orElse("/");
    }
}
