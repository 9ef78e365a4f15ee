package app.roster.webhook.api;

import app.roster.webhook.WebhookDeliveryId;
import app.roster.webhook.WebhookEndpointId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {endpointId}} and {@code {deliveryId}} in a path; a malformed one answers 404, like a missing one. */
final class WebhookIdConverters {

    private WebhookIdConverters() {
    }

    @Component
    static class EndpointIdConverter implements Converter<String, WebhookEndpointId> {
        @Override
        public WebhookEndpointId convert(String source) {
            return WebhookEndpointId.parse(source);
        }
    }

    @Component
    static class DeliveryIdConverter implements Converter<String, WebhookDeliveryId> {
        @Override
        public WebhookDeliveryId convert(String source) {
            return WebhookDeliveryId.parse(source);
        }
    }
}
