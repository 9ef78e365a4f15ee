package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Redeliver everything since a time": every event since then of the types the endpoint subscribes to, delivered
 * or given up, and those never queued for it (it was disabled), queued again with the same ids and bodies. At
 * most {@link #MAX_EVENTS}, oldest first; pending ones are on their way already and are left alone. Events from
 * before the endpoint was registered were never meant for it, and those the retention is about to delete are out
 * of reach ({@link WebhookSettings#redeliverableFrom}).
 */
@Service
public class RedeliverWebhooksSince {

    public static final int MAX_EVENTS = 1000;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final WebhookSettings settings;
    private final Clock clock;

    RedeliverWebhooksSince(WebhookEndpoints endpoints, WebhookDeliveries deliveries, ApplicationEventPublisher events,
            WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    /** How many events a redelivery since then would queue: at most {@link #MAX_EVENTS}, {@code more} beyond. */
    public record Matching(int count, boolean more) {
    }

    /** What the confirmation step shows; changes nothing. */
    public Matching preview(Actor actor, long endpointId, Instant since) {
        StaffOnly.requireAdministrator(actor);
        WebhookEndpoint endpoint = endpoints.find(endpointId).orElseThrow(NotFound::new);
        int found = deliveries.redeliverable(endpoint, from(endpoint, since), MAX_EVENTS + 1).size();
        return new Matching(Math.min(found, MAX_EVENTS), found > MAX_EVENTS);
    }

    /** How many events were queued again. */
    @Transactional
    public int redeliver(Actor actor, long endpointId, Instant since) {
        StaffOnly.requireAdministrator(actor);
        WebhookEndpoint endpoint = endpoints.find(endpointId).orElseThrow(NotFound::new);
        int queued = deliveries.requeue(endpointId,
                deliveries.redeliverable(endpoint, from(endpoint, since), MAX_EVENTS), clock.instant());
        events.publishEvent(new WebhookEndpointEvents.DeliveriesRequeuedSince(endpointId, since, queued, actor));
        return queued;
    }

    /** Not before the endpoint existed, nor before what the retention may be deleting. */
    private Instant from(WebhookEndpoint endpoint, Instant since) {
        if (since == null) {
            throw new WebhookRefused("since", "webhook.error.since");
        }
        Instant oldest = settings.redeliverableFrom(clock.instant());
        Instant from = since.isAfter(endpoint.createdAt()) ? since : endpoint.createdAt();
        return from.isAfter(oldest) ? from : oldest;
    }
}
