package app.roster.webhook;

import app.roster.shared.Refusal;

/** An endpoint that cannot be registered as asked; the message key says why, next to its field. */
public class WebhookRefused extends Refusal {

    public WebhookRefused(String field, String messageKey, Object... arguments) {
        super(Kind.INVALID, messageKey, field, arguments);
    }
}
