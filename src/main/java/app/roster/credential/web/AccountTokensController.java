package app.roster.credential.web;

import app.roster.credential.TokenId;
import app.roster.credential.PersonalToken;
import app.roster.credential.PersonalTokenDirectory;
import app.roster.credential.RevokePersonalToken;
import app.roster.shared.CurrentAccount;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's view of the account's personal access tokens (every user's), with revoke; 403 for anyone else. */
@Controller
class AccountTokensController {

    private final PersonalTokenDirectory directory;
    private final RevokePersonalToken revokeToken;
    private final TokenRows rows;

    AccountTokensController(PersonalTokenDirectory directory, RevokePersonalToken revokeToken, TokenRows rows) {
        this.directory = directory;
        this.revokeToken = revokeToken;
        this.rows = rows;
    }

    @GetMapping("/account/tokens")
    String list(CurrentAccount current, Locale locale, Model model) {
        model.addAttribute("account", current);
        model.addAttribute("tokens", rows.of(directory.ofAccount(current.actor(), current.accountId()), locale));
        return "credential/account-tokens";
    }

    @GetMapping("/account/tokens/{id}/revoke")
    String confirm(CurrentAccount current, @PathVariable TokenId id, Locale locale, Model model) {
        model.addAttribute("row", rows.of(List.of(ofAccount(current, id.value())), locale).getFirst());
        model.addAttribute("action", "/account/tokens/" + id.value() + "/revoke");
        model.addAttribute("back", "/account/tokens");
        return "credential/token-revoke";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(CurrentAccount current, @PathVariable TokenId id, RedirectAttributes redirect) {
        PersonalToken token = ofAccount(current, id.value());
        revokeToken.revoke(current.actor(), id.value());
        redirect.addFlashAttribute("notice", "tokens.revoked");
        redirect.addFlashAttribute("noticeName", token.name());
        return "redirect:/account/tokens";
    }

    /** A token of this account, for its owner; any other id answers 404. */
    private PersonalToken ofAccount(CurrentAccount current, long id) {
        return directory.findInAccount(current.actor(), current.accountId(), id);
    }
}
