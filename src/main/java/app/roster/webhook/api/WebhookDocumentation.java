package app.roster.webhook.api;

import app.roster.webhook.EventTypes;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document's {@code webhooks}: one entry per event type, each a POST of the common envelope with
 * the Standard Webhooks headers, so a receiver can be generated from the document like a client.
 */
@Configuration
class WebhookDocumentation {

    @Schema(name = "WebhookEvent", description = """
            The body of every webhook. `data` names the resource and, for a change, its fields `before` and \
            `after`; never a token, a password or a link.""")
    record Envelope(@Schema(description = "Stable across retries and redeliveries: de-duplicate on it; also the "
            + "webhook-id header") UUID id,
            @Schema(example = "member.added") String type,
            @Schema(name = "occurred_at", description = "When the change committed its event") Instant occurredAt,
            @Schema(name = "account_id", nullable = true, description = "The account; null for a user in no "
                    + "account") Long accountId,
            @Schema(description = "1, 2, 3, … per account (or per user when account_id is null), in commit order")
            long sequence,
            @Schema(description = "The resource, with before and after for a change") Map<String, Object> data) {
    }

    @Bean
    OpenApiCustomizer webhooks() {
        return openApi -> {
            ModelConverters.getInstance().readAll(Envelope.class)
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            Map<String, PathItem> webhooks = new TreeMap<>();
            for (String type : EventTypes.ALL) {
                webhooks.put(type, new PathItem().post(operation(type)));
            }
            webhooks.put("webhook.test", new PathItem().post(operation("webhook.test")));
            openApi.setWebhooks(webhooks);
        };
    }

    private static Operation operation(String type) {
        return new Operation().summary("`" + type + "`").operationId("webhook_" + type.replace('.', '_'))
                .description("""
                        Sent to each enabled endpoint subscribed to `%s`, signed as the Standard Webhooks \
                        specification says; any 2xx answer acknowledges it, anything else (or no answer within \
                        10 s) is retried with back-off.""".formatted(type))
                .addParametersItem(header("webhook-id", "The event id"))
                .addParametersItem(header("webhook-timestamp", "Unix seconds of this attempt"))
                .addParametersItem(header("webhook-signature", "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two, "
                        + "space-separated, during a secret rotation"))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>()
                                .$ref("#/components/schemas/WebhookEvent")))))
                .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse()
                        .description("Received; any other answer is retried")));
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(true).description(description).schema(new StringSchema());
    }
}
