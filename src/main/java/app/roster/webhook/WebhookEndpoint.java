package app.roster.webhook;

import java.time.Instant;
import java.util.Set;

/** A registered endpoint as pages and the API show it: never its secrets. */
public record WebhookEndpoint(long id, String url, String description, Set<String> eventTypes, boolean enabled,
        String disabledReason, Instant previousSecretUntil, Instant createdAt) {

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** The URL without its query, which may carry the receiver's token: what the audit and emails show. */
    public String auditedUrl() {
        return RegisterWebhookEndpoint.withoutQuery(java.net.URI.create(url));
    }

    /** Subscribed to every type of {@link EventTypes#ALL}. */
    public boolean allEvents() {
        return eventTypes.containsAll(EventTypes.ALL);
    }

    /** Its event types in the catalogue's order. */
    public java.util.List<String> orderedEventTypes() {
        return EventTypes.ALL.stream().filter(eventTypes::contains).toList();
    }

    boolean subscribedTo(String type) {
        return eventTypes.contains(type);
    }
}
