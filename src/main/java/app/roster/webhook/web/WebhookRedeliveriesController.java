package app.roster.webhook.web;

import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.staff.AdministratorsOnly;
import app.roster.webhook.DeliveryLog;
import app.roster.webhook.FindWebhookEndpoints;
import app.roster.webhook.RedeliverWebhook;
import app.roster.webhook.RedeliverWebhooksSince;
import app.roster.webhook.WebhookDeliveryId;
import app.roster.webhook.WebhookEndpointId;
import app.roster.webhook.WebhookRefused;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Redeliver" one delivery of the log, and "Redeliver everything since" a time typed in UTC, after a
 * confirmation that says how many events will be sent again.
 */
@Controller
class WebhookRedeliveriesController {

    private final FindWebhookEndpoints find;
    private final RedeliverWebhook redeliver;
    private final RedeliverWebhooksSince redeliverSince;
    private final EndpointPage endpointPage;

    WebhookRedeliveriesController(FindWebhookEndpoints find, RedeliverWebhook redeliver,
            RedeliverWebhooksSince redeliverSince, EndpointPage endpointPage) {
        this.find = find;
        this.redeliver = redeliver;
        this.redeliverSince = redeliverSince;
        this.endpointPage = endpointPage;
    }

    @PostMapping("/admin/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable WebhookEndpointId endpointId, @PathVariable WebhookDeliveryId deliveryId,
            Actor.Staff actor, RedirectAttributes redirect) {
        try {
            redeliver.redeliver(actor, endpointId.value(), deliveryId.value());
            return WebhookEndpointActionsController.notice(endpointId, "webhook.admin.redelivered", deliveryId.value(),
                    redirect);
        } catch (Refusal refused) {
            if (refused.kind() != Refusal.Kind.CONFLICT) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/admin/webhooks/" + endpointId;
        }
    }

    @GetMapping("/admin/webhooks/{endpointId}/redeliver")
    @AdministratorsOnly
    String confirmSince(@PathVariable WebhookEndpointId endpointId, @RequestParam(required = false) String since,
            Actor.Staff actor, Model model) {
        try {
            RedeliverWebhooksSince.Matching matching = redeliverSince.preview(actor, endpointId.value(),
                    instant(since));
            model.addAttribute("endpoint", find.find(actor, endpointId.value()));
            model.addAttribute("since", since.strip());
            model.addAttribute("matching", matching);
            model.addAttribute("limit", RedeliverWebhooksSince.MAX_EVENTS);
            return "webhook/redeliver-confirm";
        } catch (WebhookRefused refused) {
            return refused(endpointId, since, refused, actor, model);
        }
    }

    @PostMapping("/admin/webhooks/{endpointId}/redeliver")
    String redeliverSince(@PathVariable WebhookEndpointId endpointId, @RequestParam(required = false) String since,
            Actor.Staff actor, Model model, RedirectAttributes redirect) {
        try {
            int queued = redeliverSince.redeliver(actor, endpointId.value(), instant(since));
            return WebhookEndpointActionsController.notice(endpointId, "webhook.admin.redeliveredSince", queued,
                    redirect);
        } catch (WebhookRefused refused) {
            return refused(endpointId, since, refused, actor, model);
        }
    }

    private String refused(WebhookEndpointId endpointId, String since, WebhookRefused refused, Actor.Staff actor,
            Model model) {
        model.addAttribute("since", since);
        model.addAttribute("errorField", refused.field());
        model.addAttribute("errorKey", refused.messageKey());
        return endpointPage.show(actor, endpointId, DeliveryLog.Position.first(), model);
    }

    /** A datetime-local value ({@code 2026-12-02T09:30}, seconds optional), read as UTC; null when it is none. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
