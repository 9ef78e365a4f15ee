package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send test event": a {@code webhook.test} event to one endpoint only, signed and delivered like any other, so an
 * Administrator can check a receiver's verification. Its log shows the outcome.
 */
@Service
public class SendTestWebhook {

    private final WebhookEndpoints endpoints;
    private final WebhookEventLog log;
    private final ApplicationEventPublisher events;

    SendTestWebhook(WebhookEndpoints endpoints, WebhookEventLog log, ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.log = log;
        this.events = events;
    }

    /** The test event's id, which the receiver gets as {@code webhook-id}. */
    @Transactional
    public UUID send(Actor actor, long endpointId) {
        StaffOnly.requireAdministrator(actor);
        if (endpoints.find(endpointId).isEmpty()) {
            throw new NotFound();
        }
        // Stream 0: test events are numbered among themselves and wait for no account's events.
        UUID id = log.append(WebhookEventLog.TEST_TYPE, null, 0, Map.of("endpointId", String.valueOf(endpointId)),
                List.of(endpointId));
        events.publishEvent(new WebhookEndpointEvents.TestEventQueued(endpointId, id.toString(), actor));
        return id;
    }
}
