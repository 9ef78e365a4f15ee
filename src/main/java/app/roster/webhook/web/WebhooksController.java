package app.roster.webhook.web;

import app.roster.shared.Actor;
import app.roster.shared.Page;
import app.roster.staff.AdministratorsOnly;
import app.roster.webhook.DeliveryLog;
import app.roster.webhook.EventTypes;
import app.roster.webhook.FindWebhookEndpoints;
import app.roster.webhook.IssuedWebhookSecret;
import app.roster.webhook.RegisterWebhookEndpoint;
import app.roster.webhook.WebhookEndpointId;
import app.roster.webhook.WebhookRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin Area "Webhooks": every staff member reads the endpoints and their delivery logs; Administrators register
 * one (its secret shown on the answer to the POST, once).
 */
@Controller
class WebhooksController {

    static final int PAGE_SIZE = 25;

    private final FindWebhookEndpoints find;
    private final RegisterWebhookEndpoint register;
    private final EndpointPage endpointPage;

    WebhooksController(FindWebhookEndpoints find, RegisterWebhookEndpoint register, EndpointPage endpointPage) {
        this.find = find;
        this.register = register;
        this.endpointPage = endpointPage;
    }

    @GetMapping("/admin/webhooks")
    String list(@RequestParam(required = false) String page, Actor.Staff actor, Model model) {
        model.addAttribute("endpoints", find.page(actor, Page.Request.fromOne(EndpointPage.number(page), PAGE_SIZE)));
        return "webhook/endpoints";
    }

    @GetMapping("/admin/webhooks/new")
    @AdministratorsOnly
    String form(Model model) {
        return form(WebhookEndpointForm.empty(), model);
    }

    @PostMapping("/admin/webhooks")
    String register(WebhookEndpointForm form, Actor.Staff actor, Model model) {
        try {
            IssuedWebhookSecret issued = register.register(actor, form.toNewEndpoint());
            model.addAttribute("endpoint", find.find(actor, issued.endpointId()));
            model.addAttribute("secret", issued.secret());
            model.addAttribute("created", true);
            return "webhook/secret";
        } catch (WebhookRefused refused) {
            model.addAttribute("errorField", refused.field());
            model.addAttribute("errorKey", refused.messageKey());
            model.addAttribute("errorArguments", refused.arguments());
            return form(form, model);
        }
    }

    @GetMapping("/admin/webhooks/{endpointId}")
    String show(@PathVariable WebhookEndpointId endpointId, @RequestParam(required = false) String page,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            Actor.Staff actor, Model model) {
        return endpointPage.show(actor, endpointId, new DeliveryLog.Position(EndpointPage.number(page), after, before),
                model);
    }

    private static String form(WebhookEndpointForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", EventTypes.ALL);
        return "webhook/endpoint-form";
    }
}
