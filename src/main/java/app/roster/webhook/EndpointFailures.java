package app.roster.webhook;

import app.roster.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An endpoint that failed for the whole retry period is disabled, so its queue stops growing attempts and its
 * later events keep their order for when it is enabled again. The audited event is what Administrators are to
 * be emailed about (not built yet: see the README).
 */
@Component
class EndpointFailures {

    static final String FAILING = "failing";

    private final WebhookEndpoints endpoints;
    private final ApplicationEventPublisher events;

    EndpointFailures(WebhookEndpoints endpoints, ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    @Transactional
    public void disable(long endpointId) {
        if (endpoints.disable(endpointId, FAILING)) {
            events.publishEvent(new WebhookEndpointEvents.EndpointDisabled(endpointId, FAILING, new Actor.System()));
        }
    }
}
