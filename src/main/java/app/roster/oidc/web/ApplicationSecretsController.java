package app.roster.oidc.web;

import app.roster.oidc.OidcClientId;
import app.roster.oidc.OidcClients;
import app.roster.oidc.RotateClientSecret;
import app.roster.oidc.RotateSigningKey;
import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An Administrator's rotations, each after a confirmation: a client's secret (the new one shown once, the old one
 * working for the grace period) and the signing key.
 */
@Controller
class ApplicationSecretsController {

    private final OidcClients clients;
    private final RotateClientSecret rotateClientSecret;
    private final RotateSigningKey rotateSigningKey;

    ApplicationSecretsController(OidcClients clients, RotateClientSecret rotateClientSecret,
            RotateSigningKey rotateSigningKey) {
        this.clients = clients;
        this.rotateClientSecret = rotateClientSecret;
        this.rotateSigningKey = rotateSigningKey;
    }

    @GetMapping("/admin/applications/{clientId}/rotate-secret")
    @AdministratorsOnly
    String confirmRotate(@PathVariable OidcClientId clientId, Actor.Staff actor, Model model) {
        model.addAttribute("client", clients.find(actor, clientId));
        return "oidc/application-rotate";
    }

    @PostMapping("/admin/applications/{clientId}/rotate-secret")
    String rotate(@PathVariable OidcClientId clientId, Actor.Staff actor, Model model) {
        RotateClientSecret.Rotated rotated = rotateClientSecret.rotate(actor, clients.find(actor, clientId).id());
        model.addAttribute("client", rotated.client());
        model.addAttribute("secret", rotated.secret());
        model.addAttribute("created", false);
        return "oidc/application-secret";
    }

    @GetMapping("/admin/applications/signing-keys/rotate")
    @AdministratorsOnly
    String confirmSigningKey() {
        return "oidc/signing-key-rotate";
    }

    @PostMapping("/admin/applications/signing-keys/rotate")
    String rotateSigningKey(Actor.Staff actor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "oidc.admin.keyRotated");
        redirect.addFlashAttribute("noticeName", rotateSigningKey.rotate(actor));
        return "redirect:/admin/applications";
    }
}
