package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.StaffOnly;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator (or a platform API key) registers an endpoint of the platform. Its URL must pass the SSRF rules
 * now (and will again at every delivery); its signing secret is answered once and kept only encrypted.
 */
@Service
public class RegisterWebhookEndpoint {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;

    private final WebhookEndpoints endpoints;
    private final TargetAddresses targets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisterWebhookEndpoint(WebhookEndpoints endpoints, TargetAddresses targets, ApplicationEventPublisher events,
            Clock clock) {
        this.endpoints = endpoints;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    /** The URL, an optional description, and at least one event type of {@link EventTypes#ALL}. */
    public record NewEndpoint(String url, String description, Set<String> eventTypes) {
    }

    @Transactional
    public IssuedWebhookSecret register(Actor actor, NewEndpoint request) {
        StaffOnly.requireAdministrator(actor);
        URI uri = requireTarget(request.url());
        String description = request.description() == null ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new WebhookRefused("description", "webhook.error.description", MAX_DESCRIPTION);
        }
        Set<String> types = requireTypes(request.eventTypes());
        WebhookSecret secret = WebhookSecret.generate();
        long id = endpoints.insert(uri.toString(), description == null || description.isEmpty() ? null : description,
                types, secret, actor, clock.instant());
        events.publishEvent(new WebhookEndpointEvents.EndpointRegistered(id, withoutQuery(uri), types, actor));
        return new IssuedWebhookSecret(id, secret.text());
    }

    private URI requireTarget(String url) {
        if (url == null || url.strip().length() > MAX_URL) {
            throw new WebhookRefused("url", "webhook.error.url");
        }
        try {
            URI uri = targets.parse(url);
            targets.resolve(uri);
            return uri;
        } catch (TargetAddresses.Refused e) {
            throw new WebhookRefused("url", "webhook.error.target");
        }
    }

    /** Known types only, in the catalogue's order. */
    private static Set<String> requireTypes(Set<String> requested) {
        if (requested == null || requested.isEmpty() || !EventTypes.ALL.containsAll(requested)) {
            throw new WebhookRefused("eventTypes", "webhook.error.eventTypes");
        }
        Set<String> types = new LinkedHashSet<>();
        EventTypes.ALL.stream().filter(requested::contains).forEach(types::add);
        return types;
    }

    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
