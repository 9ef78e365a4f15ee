package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.shared.StaffOnly;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading the endpoints and their delivery log: staff of either role, or a platform API key. Never a secret. */
@Service
public class FindWebhookEndpoints {

    /** The delivery log shows this many of the newest deliveries. */
    public static final int LOG_SIZE = 100;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    FindWebhookEndpoints(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    public List<WebhookEndpoint> all(Actor actor) {
        StaffOnly.requireStaff(actor);
        return endpoints.all();
    }

    public WebhookEndpoint find(Actor actor, long endpointId) {
        StaffOnly.requireStaff(actor);
        return endpoints.find(endpointId).orElseThrow(NotFound::new);
    }

    /** The newest deliveries first, bodies included (they hold no secret). */
    public List<WebhookDelivery> deliveries(Actor actor, long endpointId) {
        find(actor, endpointId);
        return deliveries.ofEndpoint(endpointId, LOG_SIZE);
    }

    /** A page of the delivery log, newest first, as the Admin Area pages it. */
    public Page<WebhookDelivery> deliveries(Actor actor, long endpointId, Page.Request page) {
        find(actor, endpointId);
        return page.probed(deliveries.ofEndpoint(endpointId, page.offset(), page.size() + 1));
    }

    /** A page of the endpoints, oldest first. */
    public Page<WebhookEndpoint> page(Actor actor, Page.Request page) {
        StaffOnly.requireStaff(actor);
        return page.probed(endpoints.page(page.offset(), page.size() + 1));
    }
}
