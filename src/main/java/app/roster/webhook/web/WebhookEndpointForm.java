package app.roster.webhook.web;

import app.roster.webhook.EventTypes;
import app.roster.webhook.RegisterWebhookEndpoint;
import java.util.LinkedHashSet;
import java.util.List;

/** "Register endpoint" as typed: the URL, a description, and the event types ticked, or "all events". */
record WebhookEndpointForm(String url, String description, String allEvents, List<String> eventTypes) {

    static WebhookEndpointForm empty() {
        return new WebhookEndpointForm("", "", null, List.of());
    }

    public boolean all() {
        return allEvents != null;
    }

    public List<String> ticked() {
        return eventTypes == null ? List.of() : eventTypes;
    }

    RegisterWebhookEndpoint.NewEndpoint toNewEndpoint() {
        return new RegisterWebhookEndpoint.NewEndpoint(url, description,
                new LinkedHashSet<>(all() ? EventTypes.ALL : ticked()));
    }
}
