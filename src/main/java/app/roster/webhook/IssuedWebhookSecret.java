package app.roster.webhook;

/** An endpoint's new signing secret, shown to the Administrator once; only its encryption is kept. */
public record IssuedWebhookSecret(long endpointId, String secret) {

    @Override
    public String toString() {
        return "IssuedWebhookSecret[" + endpointId + ", secret redacted]";
    }
}
