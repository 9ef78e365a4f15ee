package app.roster.credential.web;

import app.roster.credential.TokenId;
import app.roster.credential.CreatePersonalToken;
import app.roster.credential.CredentialRefused;
import app.roster.credential.IssuedSecret;
import app.roster.credential.PersonalToken;
import app.roster.credential.PersonalTokenDirectory;
import app.roster.credential.RevokePersonalToken;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Personal access tokens" on the profile: the user's tokens in every account, a new one for the account they are
 * in with permissions they hold (the secret shown once, on the answer to the POST), revoke after a confirmation.
 */
@Controller
class PersonalTokensController {

    private final PersonalTokenDirectory directory;
    private final CreatePersonalToken createToken;
    private final RevokePersonalToken revokeToken;
    private final PermissionCatalogue catalogue;
    private final TokenRows rows;
    private final Clock clock;

    PersonalTokensController(PersonalTokenDirectory directory, CreatePersonalToken createToken,
            RevokePersonalToken revokeToken, PermissionCatalogue catalogue, TokenRows rows, Clock clock) {
        this.directory = directory;
        this.createToken = createToken;
        this.revokeToken = revokeToken;
        this.catalogue = catalogue;
        this.rows = rows;
        this.clock = clock;
    }

    @GetMapping("/profile/tokens")
    String list(CurrentAccount current, Locale locale, Model model) {
        return page(current, TokenForm.empty(), locale, model);
    }

    @PostMapping("/profile/tokens")
    String create(CurrentAccount current, TokenForm form, Locale locale, Model model) {
        try {
            IssuedSecret issued = createToken.create(current.actor(), current.accountId(), form.name(), form.ticked(),
                    form.expiresAt(clock));
            model.addAttribute("secret", issued.secret());
            model.addAttribute("row", rows.of(List.of(directory.find(current.actor(), issued.id())), locale).getFirst());
            return "credential/token-created";
        } catch (CredentialRefused refused) {
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.arguments());
            return page(current, form, locale, model);
        }
    }

    @GetMapping("/profile/tokens/{id}/revoke")
    String confirm(CurrentAccount current, @PathVariable TokenId id, Locale locale, Model model) {
        model.addAttribute("row", rows.of(List.of(own(current, id.value())), locale).getFirst());
        model.addAttribute("action", "/profile/tokens/" + id.value() + "/revoke");
        model.addAttribute("back", "/profile/tokens");
        return "credential/token-revoke";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(CurrentAccount current, @PathVariable TokenId id, RedirectAttributes redirect) {
        PersonalToken token = own(current, id.value());
        revokeToken.revoke(current.actor(), id.value());
        redirect.addFlashAttribute("notice", "tokens.revoked");
        redirect.addFlashAttribute("noticeName", token.name());
        return "redirect:/profile/tokens";
    }

    private String page(CurrentAccount current, TokenForm form, Locale locale, Model model) {
        model.addAttribute("account", current);
        model.addAttribute("form", form);
        model.addAttribute("lifetimes", TokenForm.LIFETIMES);
        model.addAttribute("grantable", rows.grantable(current.owner() ? catalogue.everything() : current.permissions(),
                locale));
        model.addAttribute("tokens", rows.of(directory.ofUser(current.actor(), current.userId()), locale));
        return "credential/tokens";
    }

    /** The user's own token: another user's (even one the owner could revoke) answers 404 on the profile. */
    private PersonalToken own(CurrentAccount current, long id) {
        PersonalToken token = directory.find(current.actor(), id);
        if (token.userId() != current.userId()) {
            throw new app.roster.shared.NotFound();
        }
        return token;
    }
}
