package app.roster.oidc.web;

import app.roster.oidc.DeleteClient;
import app.roster.oidc.OidcClient;
import app.roster.oidc.OidcClientId;
import app.roster.oidc.OidcClients;
import app.roster.oidc.RegisterClient;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.oidc.SigningKeys;
import app.roster.oidc.UpdateClient;
import app.roster.shared.Actor;
import app.roster.shared.Page;
import app.roster.shared.Refusal;
import app.roster.staff.AdministratorsOnly;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin Area "Applications", the OpenID Connect clients: every staff member reads the list, a client and the
 * signing keys; Administrators register (a confidential client's secret shown on the answer to the POST, once),
 * edit and delete one (after a confirmation).
 */
@Controller
class ApplicationsController {

    static final int PAGE_SIZE = 25;

    private final OidcClients clients;
    private final RegisterClient registerClient;
    private final UpdateClient updateClient;
    private final DeleteClient deleteClient;
    private final SigningKeys signingKeys;
    private final ClientPermissionLabels permissions;

    ApplicationsController(OidcClients clients, RegisterClient registerClient, UpdateClient updateClient,
            DeleteClient deleteClient, SigningKeys signingKeys, ClientPermissionLabels permissions) {
        this.clients = clients;
        this.registerClient = registerClient;
        this.updateClient = updateClient;
        this.deleteClient = deleteClient;
        this.signingKeys = signingKeys;
        this.permissions = permissions;
    }

    @GetMapping("/admin/applications")
    String list(@RequestParam(required = false) String page, Actor.Staff actor, Model model) {
        model.addAttribute("clients", clients.list(actor, Page.Request.fromOne(number(page), PAGE_SIZE)));
        model.addAttribute("keys", signingKeys.published());
        return "oidc/applications";
    }

    @GetMapping("/admin/applications/new")
    @AdministratorsOnly
    String form(Locale locale, Model model) {
        return form(ApplicationForm.empty(), null, locale, model);
    }

    @PostMapping("/admin/applications")
    String register(ApplicationForm form, Actor.Staff actor, Locale locale, Model model) {
        try {
            Registered registered = registerClient.register(actor, form.toNewClient());
            model.addAttribute("client", registered.client());
            model.addAttribute("secret", registered.secret());
            model.addAttribute("created", true);
            return "oidc/application-secret";
        } catch (RegisterClient.ClientRefused | app.roster.membership.PermissionCatalogue.UnknownPermission refused) {
            return refused(form, null, refused, locale, model);
        }
    }

    @GetMapping("/admin/applications/{clientId}")
    String show(@PathVariable OidcClientId clientId, Actor.Staff actor, Locale locale, Model model) {
        OidcClient client = clients.find(actor, clientId);
        model.addAttribute("client", client);
        model.addAttribute("permissionLabels", permissions.of(client.permissions(), locale));
        return "oidc/application";
    }

    @GetMapping("/admin/applications/{clientId}/edit")
    @AdministratorsOnly
    String edit(@PathVariable OidcClientId clientId, Actor.Staff actor, Locale locale, Model model) {
        OidcClient client = clients.find(actor, clientId);
        return form(ApplicationForm.of(client), client, locale, model);
    }

    @PostMapping("/admin/applications/{clientId}")
    String update(@PathVariable OidcClientId clientId, ApplicationForm form, Actor.Staff actor, Locale locale, Model model,
            RedirectAttributes redirect) {
        OidcClient client = clients.find(actor, clientId);
        try {
            OidcClient updated = updateClient.update(actor, client.id(), form.toChanges());
            redirect.addFlashAttribute("notice", "oidc.admin.updated");
            redirect.addFlashAttribute("noticeName", updated.name());
            return "redirect:/admin/applications/" + clientId;
        } catch (RegisterClient.ClientRefused | app.roster.membership.PermissionCatalogue.UnknownPermission refused) {
            return refused(form, client, refused, locale, model);
        }
    }

    @GetMapping("/admin/applications/{clientId}/delete")
    @AdministratorsOnly
    String confirmDelete(@PathVariable OidcClientId clientId, Actor.Staff actor, Model model) {
        model.addAttribute("client", clients.find(actor, clientId));
        return "oidc/application-delete";
    }

    @PostMapping("/admin/applications/{clientId}/delete")
    String delete(@PathVariable OidcClientId clientId, Actor.Staff actor, RedirectAttributes redirect) {
        OidcClient client = clients.find(actor, clientId);
        deleteClient.delete(actor, client.id());
        redirect.addFlashAttribute("notice", "oidc.admin.deleted");
        redirect.addFlashAttribute("noticeName", client.name());
        return "redirect:/admin/applications";
    }

    private String refused(ApplicationForm form, OidcClient client, Refusal refused, Locale locale, Model model) {
        model.addAttribute("errorField", "clientCredentials".equals(refused.field()) ? "grantTypes" : refused.field());
        model.addAttribute("errorKey", refused.messageKey());
        model.addAttribute("errorArguments", refused.arguments());
        return form(form, client, locale, model);
    }

    private String form(ApplicationForm form, OidcClient client, Locale locale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("client", client);
        model.addAttribute("grantTypes", ApplicationForm.GRANT_TYPES);
        model.addAttribute("scopes", OidcClient.SCOPES);
        model.addAttribute("permissions", permissions.all(locale));
        return "oidc/application-form";
    }

    /** The page asked for in a link, from 1; anything else shows the first page. */
    static int number(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
