package app.roster.webhook.web;

import app.roster.shared.Actor;
import app.roster.webhook.DeliveryLog;
import app.roster.webhook.FindWebhookEndpoints;
import app.roster.webhook.WebhookEndpointId;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** An endpoint's page, with a page of its delivery log: shown by its own GET and by a refused redelivery form. */
@Component
class EndpointPage {

    static final int LOG_PAGE_SIZE = 25;

    private final FindWebhookEndpoints find;

    EndpointPage(FindWebhookEndpoints find) {
        this.find = find;
    }

    String show(Actor.Staff actor, WebhookEndpointId endpointId, DeliveryLog.Position position, Model model) {
        model.addAttribute("endpoint", find.find(actor, endpointId.value()));
        DeliveryLog log = find.deliveries(actor, endpointId.value(), position, LOG_PAGE_SIZE);
        model.addAttribute("deliveries", log.page());
        model.addAttribute("deliveryLog", log);
        return "webhook/endpoint";
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
