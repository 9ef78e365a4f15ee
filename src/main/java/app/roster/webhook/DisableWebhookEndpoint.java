package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator stops deliveries to an endpoint. Its pending deliveries stay queued in their order; events
 * after it are not queued for it.
 */
@Service
public class DisableWebhookEndpoint {

    static final String BY_ADMINISTRATOR = "administrator";

    private final WebhookEndpoints endpoints;
    private final ApplicationEventPublisher events;

    DisableWebhookEndpoint(WebhookEndpoints endpoints, ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    @Transactional
    public void disable(Actor actor, long endpointId) {
        StaffOnly.requireAdministrator(actor);
        WebhookEndpoint endpoint = endpoints.find(endpointId).orElseThrow(NotFound::new);
        if (endpoints.disable(endpointId, BY_ADMINISTRATOR)) {
            events.publishEvent(new WebhookEndpointEvents.EndpointDisabled(endpointId, endpoint.auditedUrl(),
                    BY_ADMINISTRATOR, actor));
        }
    }
}
