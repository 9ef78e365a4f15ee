package app.roster.credential.web;

import app.roster.credential.ApiKeyId;
import app.roster.api.Scope;
import app.roster.credential.ApiKey;
import app.roster.credential.ApiKeys;
import app.roster.credential.CreateApiKey;
import app.roster.credential.CredentialRefused;
import app.roster.credential.IssuedSecret;
import app.roster.credential.RevokeApiKey;
import app.roster.shared.NotFound;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin Area "API keys": every staff member reads the list; Administrators create (the secret is shown on the
 * answer to the POST, once) and revoke (after a confirmation).
 */
@Controller
class ApiKeysController {

    private final ApiKeys keys;
    private final CreateApiKey createApiKey;
    private final RevokeApiKey revokeApiKey;
    private final StaffActors actors;
    private final Clock clock;

    ApiKeysController(ApiKeys keys, CreateApiKey createApiKey, RevokeApiKey revokeApiKey, StaffActors actors,
            Clock clock) {
        this.keys = keys;
        this.createApiKey = createApiKey;
        this.revokeApiKey = revokeApiKey;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        model.addAttribute("now", clock.instant());
        return "credential/api-keys";
    }

    @GetMapping("/admin/api-keys/new")
    @AdministratorsOnly
    String form(Model model) {
        return form(ApiKeyForm.empty(), model);
    }

    @PostMapping("/admin/api-keys")
    String create(ApiKeyForm form, @AuthenticationPrincipal SignedInStaff me, Model model) {
        try {
            IssuedSecret issued = createApiKey.create(actors.of(me), form.toRequest());
            model.addAttribute("secret", issued.secret());
            model.addAttribute("key", keys.find(issued.id()).orElseThrow());
            return "credential/api-key-created";
        } catch (CredentialRefused refused) {
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.arguments());
            return form(form, model);
        }
    }

    @GetMapping("/admin/api-keys/{id}/revoke")
    @AdministratorsOnly
    String confirmRevoke(@PathVariable ApiKeyId id, Model model) {
        model.addAttribute("key", key(id.value()));
        return "credential/api-key-revoke";
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable ApiKeyId id, @AuthenticationPrincipal SignedInStaff me, RedirectAttributes redirect) {
        ApiKey key = key(id.value());
        revokeApiKey.revoke(actors.of(me), id.value());
        redirect.addFlashAttribute("notice", "apiKeys.revoked");
        redirect.addFlashAttribute("noticeName", key.name());
        return "redirect:/admin/api-keys";
    }

    private String form(ApiKeyForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("scopes", Scope.values());
        return "credential/api-key-form";
    }

    private ApiKey key(long id) {
        return keys.find(id).orElseThrow(NotFound::new);
    }
}
