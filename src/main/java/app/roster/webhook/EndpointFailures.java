package app.roster.webhook;

import app.roster.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An endpoint that failed for the whole retry period is disabled, so its queue stops growing attempts and its
 * later events keep their order for when it is enabled again. The audited event is what the mail module emails
 * the Administrators about.
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
            String url = endpoints.find(endpointId).map(WebhookEndpoint::auditedUrl).orElse("");
            events.publishEvent(new WebhookEndpointEvents.EndpointDisabled(endpointId, url, FAILING,
                    new Actor.System()));
        }
    }
}
