package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Set;

/** What happens to webhook endpoints, audited. URLs are audited without their query, which may hold a token. */
public final class WebhookEndpointEvents {

    private WebhookEndpointEvents() {
    }

    public record EndpointRegistered(long endpointId, String url, Set<String> eventTypes, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.endpoint_registered", "endpoint", endpointId, "url", url, "events",
                    String.join(",", eventTypes)).by(actor);
        }
    }

    public record SecretRotated(long endpointId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.secret_rotated", "endpoint", endpointId).by(actor);
        }
    }

    /** By an Administrator, or by Roster itself ({@code reason} {@code failing}) after the retry period. */
    public record EndpointDisabled(long endpointId, String url, String reason, Actor actor) implements AuditedEvent {

        /** Disabled by Roster after failing for the whole retry period: Administrators are told by email. */
        public boolean failing() {
            return EndpointFailures.FAILING.equals(reason);
        }

        @Override
        public Audit audit() {
            return Audit.of("webhook.endpoint_disabled", "endpoint", endpointId, "url", url, "reason", reason)
                    .by(actor);
        }
    }

    public record EndpointEnabled(long endpointId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.endpoint_enabled", "endpoint", endpointId).by(actor);
        }
    }

    public record TestEventQueued(long endpointId, String eventId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.test_sent", "endpoint", endpointId, "event", eventId).by(actor);
        }
    }

    public record DeliveryRequeued(long endpointId, long deliveryId, String eventId, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.redelivered", "endpoint", endpointId, "delivery", deliveryId, "event", eventId)
                    .by(actor);
        }
    }

    public record DeliveriesRequeuedSince(long endpointId, java.time.Instant since, int queued, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("webhook.redelivered_since", "endpoint", endpointId, "since", since.toString(),
                    "queued", queued).by(actor);
        }
    }
}
