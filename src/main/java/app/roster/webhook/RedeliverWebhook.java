package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Redeliver": sends one logged delivery again, with the same event id and body (the receiver de-duplicates on
 * the id), signed afresh. A pending one is on its way already and is refused, and so is one whose event is about
 * to reach the end of its retention ({@link WebhookSettings#redeliverableFrom}).
 */
@Service
public class RedeliverWebhook {

    static final String ALREADY_PENDING = "webhook.error.pending";
    static final String TOO_OLD = "webhook.error.tooOld";

    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final WebhookSettings settings;
    private final Clock clock;

    RedeliverWebhook(WebhookDeliveries deliveries, ApplicationEventPublisher events, WebhookSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void redeliver(Actor actor, long endpointId, long deliveryId) {
        StaffOnly.requireAdministrator(actor);
        WebhookDelivery delivery = deliveries.find(deliveryId).filter(found -> found.endpointId() == endpointId)
                .orElseThrow(NotFound::new);
        Instant now = clock.instant();
        if (!deliveries.redeliver(deliveryId, endpointId, now, settings.redeliverableFrom(now))) {
            throw new Refusal(Refusal.Kind.CONFLICT,
                    delivery.state() == WebhookDelivery.State.PENDING ? ALREADY_PENDING : TOO_OLD, null);
        }
        events.publishEvent(new WebhookEndpointEvents.DeliveryRequeued(endpointId, deliveryId,
                delivery.eventId().toString(), actor));
    }
}
