package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator enables an endpoint again (after fixing the receiver that had it disabled): its pending
 * deliveries go on in order, and new events are queued for it again.
 */
@Service
public class EnableWebhookEndpoint {

    private final WebhookEndpoints endpoints;
    private final ApplicationEventPublisher events;

    EnableWebhookEndpoint(WebhookEndpoints endpoints, ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    @Transactional
    public void enable(Actor actor, long endpointId) {
        StaffOnly.requireAdministrator(actor);
        if (endpoints.find(endpointId).isEmpty()) {
            throw new NotFound();
        }
        if (endpoints.enable(endpointId)) {
            events.publishEvent(new WebhookEndpointEvents.EndpointEnabled(endpointId, actor));
        }
    }
}
