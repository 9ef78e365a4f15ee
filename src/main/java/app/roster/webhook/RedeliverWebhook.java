package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Redeliver": sends one logged delivery again, with the same event id and body (the receiver de-duplicates on
 * the id), signed afresh. A pending one is on its way already and is refused.
 */
@Service
public class RedeliverWebhook {

    static final String ALREADY_PENDING = "webhook.error.pending";

    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RedeliverWebhook(WebhookDeliveries deliveries, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void redeliver(Actor actor, long endpointId, long deliveryId) {
        StaffOnly.requireAdministrator(actor);
        WebhookDelivery delivery = deliveries.find(deliveryId).filter(found -> found.endpointId() == endpointId)
                .orElseThrow(NotFound::new);
        if (!deliveries.redeliver(deliveryId, endpointId, clock.instant())) {
            throw new Refusal(Refusal.Kind.CONFLICT, ALREADY_PENDING, null);
        }
        events.publishEvent(new WebhookEndpointEvents.DeliveryRequeued(endpointId, deliveryId,
                delivery.eventId().toString(), actor));
    }
}
