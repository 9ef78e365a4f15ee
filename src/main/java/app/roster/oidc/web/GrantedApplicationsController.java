package app.roster.oidc.web;

import app.roster.oidc.GrantedApplications;
import app.roster.oidc.GrantedApplications.GrantedApplication;
import app.roster.oidc.OidcClientId;
import app.roster.oidc.RevokeGrant;
import app.roster.shared.NotFound;
import app.roster.user.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Applications" on the profile: the applications the user signed in to through Roster, what each may see and
 * when it last got a token, and "Revoke" after a confirmation. Only the user's own: any other answers 404.
 */
@Controller
class GrantedApplicationsController {

    private final GrantedApplications granted;
    private final RevokeGrant revokeGrant;

    GrantedApplicationsController(GrantedApplications granted, RevokeGrant revokeGrant) {
        this.granted = granted;
        this.revokeGrant = revokeGrant;
    }

    @GetMapping("/profile/applications")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("applications", granted.of(user.actor()));
        return "oidc/granted";
    }

    @GetMapping("/profile/applications/{clientId}/revoke")
    String confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable OidcClientId clientId, Model model) {
        model.addAttribute("granted", own(user, clientId));
        return "oidc/grant-revoke";
    }

    @PostMapping("/profile/applications/{clientId}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable OidcClientId clientId,
            RedirectAttributes redirect) {
        GrantedApplication application = own(user, clientId);
        revokeGrant.revoke(user.actor(), clientId.value());
        redirect.addFlashAttribute("notice", "oidc.granted.revoked");
        redirect.addFlashAttribute("noticeName", application.client().name());
        return "redirect:/profile/applications";
    }

    private GrantedApplication own(SignedInUser user, OidcClientId clientId) {
        return granted.of(user.actor()).stream().filter(app -> app.client().clientId().equals(clientId.value())).findFirst()
                .orElseThrow(NotFound::new);
    }
}
