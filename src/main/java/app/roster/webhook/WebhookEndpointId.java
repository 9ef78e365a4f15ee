package app.roster.webhook;

import app.roster.shared.Id;

/** The id of a webhook endpoint. */
public record WebhookEndpointId(long value) implements Id {

    public WebhookEndpointId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static WebhookEndpointId parse(String text) {
        return new WebhookEndpointId(Id.parse(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
