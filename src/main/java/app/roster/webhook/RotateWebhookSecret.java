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
 * A new signing secret, answered once. The old one keeps signing beside it (two signatures) for the grace period,
 * so the receiver can switch to the new secret without dropping a single delivery.
 */
@Service
public class RotateWebhookSecret {

    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotateWebhookSecret(WebhookEndpoints endpoints, WebhookSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IssuedWebhookSecret rotate(Actor actor, long endpointId) {
        StaffOnly.requireAdministrator(actor);
        WebhookSecret secret = WebhookSecret.generate();
        Instant graceEnd = clock.instant().plus(settings.rotationGrace());
        if (!endpoints.rotate(endpointId, secret, graceEnd)) {
            throw new NotFound();
        }
        events.publishEvent(new WebhookEndpointEvents.SecretRotated(endpointId, actor));
        return new IssuedWebhookSecret(endpointId, secret.text());
    }
}
