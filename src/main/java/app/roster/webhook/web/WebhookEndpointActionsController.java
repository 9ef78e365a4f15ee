package app.roster.webhook.web;

import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import app.roster.webhook.DisableWebhookEndpoint;
import app.roster.webhook.EnableWebhookEndpoint;
import app.roster.webhook.FindWebhookEndpoints;
import app.roster.webhook.IssuedWebhookSecret;
import app.roster.webhook.RotateWebhookSecret;
import app.roster.webhook.SendTestWebhook;
import app.roster.webhook.WebhookEndpointId;
import app.roster.webhook.WebhookSettings;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An Administrator's changes to one endpoint: rotating its secret and disabling it, each after a confirmation;
 * enabling it again and sending it a test event.
 */
@Controller
class WebhookEndpointActionsController {

    private final FindWebhookEndpoints find;
    private final RotateWebhookSecret rotate;
    private final DisableWebhookEndpoint disable;
    private final EnableWebhookEndpoint enable;
    private final SendTestWebhook sendTest;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookEndpointActionsController(FindWebhookEndpoints find, RotateWebhookSecret rotate,
            DisableWebhookEndpoint disable, EnableWebhookEndpoint enable, SendTestWebhook sendTest,
            WebhookSettings settings, Clock clock) {
        this.find = find;
        this.rotate = rotate;
        this.disable = disable;
        this.enable = enable;
        this.sendTest = sendTest;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/admin/webhooks/{endpointId}/rotate-secret")
    @AdministratorsOnly
    String confirmRotate(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, Model model) {
        model.addAttribute("endpoint", find.find(actor, endpointId.value()));
        model.addAttribute("graceEnd", clock.instant().plus(settings.rotationGrace()));
        model.addAttribute("action", "rotate-secret");
        return "webhook/confirm";
    }

    @PostMapping("/admin/webhooks/{endpointId}/rotate-secret")
    String rotate(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, Model model) {
        IssuedWebhookSecret issued = rotate.rotate(actor, endpointId.value());
        model.addAttribute("endpoint", find.find(actor, issued.endpointId()));
        model.addAttribute("secret", issued.secret());
        model.addAttribute("created", false);
        return "webhook/secret";
    }

    @GetMapping("/admin/webhooks/{endpointId}/disable")
    @AdministratorsOnly
    String confirmDisable(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, Model model) {
        model.addAttribute("endpoint", find.find(actor, endpointId.value()));
        model.addAttribute("action", "disable");
        return "webhook/confirm";
    }

    @PostMapping("/admin/webhooks/{endpointId}/disable")
    String disable(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, RedirectAttributes redirect) {
        disable.disable(actor, endpointId.value());
        return notice(endpointId, "webhook.admin.disabled", null, redirect);
    }

    @PostMapping("/admin/webhooks/{endpointId}/enable")
    String enable(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, RedirectAttributes redirect) {
        enable.enable(actor, endpointId.value());
        return notice(endpointId, "webhook.admin.enabled", null, redirect);
    }

    @PostMapping("/admin/webhooks/{endpointId}/test")
    String test(@PathVariable WebhookEndpointId endpointId, Actor.Staff actor, RedirectAttributes redirect) {
        return notice(endpointId, "webhook.admin.testSent", sendTest.send(actor, endpointId.value()).toString(),
                redirect);
    }

    static String notice(WebhookEndpointId endpointId, String key, Object argument, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", key);
        redirect.addFlashAttribute("noticeArgument", argument);
        return "redirect:/admin/webhooks/" + endpointId;
    }
}
