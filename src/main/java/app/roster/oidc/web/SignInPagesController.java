package app.roster.oidc.web;

import app.roster.oidc.SignInChoices;
import app.roster.user.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages an application's sign-in passes through: which account to act for, what to share with a third-party
 * application, and the page for a user without any account. The authorization request itself stays with Spring
 * Authorization Server; these pages only send the user back to it.
 */
@Controller
class SignInPagesController {

    private final SignInChoices choices;

    SignInPagesController(SignInChoices choices) {
        this.choices = choices;
    }

    @GetMapping("/oauth2/choose-account")
    String chooser(@AuthenticationPrincipal SignedInUser user, @RequestParam("client_id") String clientId,
            Model model) {
        model.addAttribute("client", choices.client(clientId));
        model.addAttribute("accounts", choices.accounts(user.id()));
        model.addAttribute("request", ServletUriComponentsBuilder.fromCurrentRequest().build().getQuery());
        return "oidc/choose-account";
    }

    /** Back to the authorization with the chosen account as its hint, which the server checks again. */
    @PostMapping("/oauth2/choose-account")
    String choose(@AuthenticationPrincipal SignedInUser user, @RequestParam long accountId,
            @RequestParam String request) {
        return "redirect:" + choices.continueWith(user.id(), accountId, request);
    }

    @GetMapping("/oauth2/no-account")
    String noAccount() {
        return "oidc/no-account";
    }

    /** Spring Authorization Server sends a third-party client's first authorization here. */
    @GetMapping("/oauth2/consent")
    String consent(@AuthenticationPrincipal SignedInUser user, @RequestParam("client_id") String clientId,
            @RequestParam String scope, @RequestParam String state, Model model) {
        model.addAttribute("consent", choices.consent(user.id(), clientId, scope, state));
        model.addAttribute("state", state);
        return "oidc/consent";
    }
}
