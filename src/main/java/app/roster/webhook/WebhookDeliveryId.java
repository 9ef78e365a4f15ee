package app.roster.webhook;

import app.roster.shared.Id;

/** The id of one delivery of a webhook to an endpoint. */
public record WebhookDeliveryId(long value) implements Id {

    public WebhookDeliveryId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static WebhookDeliveryId parse(String text) {
        return new WebhookDeliveryId(Id.parse(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
