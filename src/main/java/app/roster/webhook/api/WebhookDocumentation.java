package app.roster.webhook.api;

import app.roster.webhook.EventTypes;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            The body of every webhook. `data` holds the resource as the REST API's GET answers it (each webhook's \
            schema names it) and, for a change, the fields that changed `before` and `after`; never a token, a \
            password or a link.""")
    record Envelope(@Schema(description = "Stable across retries and redeliveries: de-duplicate on it; also the "
            + "webhook-id header") UUID id,
            @Schema(example = "member.added") String type,
            @Schema(name = "occurred_at", description = "When the change committed its event") Instant occurredAt,
            @Schema(name = "account_id", nullable = true, description = "The account; null for a user in no "
                    + "account") Long accountId,
            @Schema(description = "1, 2, 3, … per account (or per user when account_id is null), in commit order")
            long sequence,
            @Schema(description = "The resource as the API shows it, with before and after for a change") Map<String, Object> data) {
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
                        new MediaType().schema(new ComposedSchema().addAllOfItem(ref("WebhookEvent"))
                                .addAllOfItem(new ObjectSchema()
                                        .addProperty("type", new StringSchema()._enum(List.of(type)))
                                        .addProperty("data", data(type)))))))
                .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse()
                        .description("Received; any other answer is retried")));
    }

    /**
     * What {@code data} holds for the type: the resource as the API's GET answers it (the same component schema),
     * and for a change the fields before and after it.
     */
    private static io.swagger.v3.oas.models.media.Schema<?> data(String type) {
        String resource = type.substring(0, type.indexOf('.'));
        ObjectSchema data = new ObjectSchema();
        switch (resource) {
            case "webhook" -> data.addProperty("endpointId", new StringSchema().description("The endpoint tested"));
            case "session" -> data.addProperty("user", ref("User"))
                    .addProperty("allSessions", new BooleanSchema().description("Every session of the user ended"));
            default -> data.addProperty(resource, ref(COMPONENTS.get(resource)).description("""
                    As the API's GET answers it, read in the change's transaction; once the resource is gone                     (deleted, removed, left), only its ids"""));
        }
        switch (type) {
            case "invitation.accepted" -> data.addProperty("member", ref("Member"));
            case "invitation.cancelled", "invitation.expired" -> data.addProperty("reason", new StringSchema()
                    .description("Why it ended, as the audit trail records it"));
            case "contact.unsubscribed" -> data.addProperty("category", new StringSchema().example("invoice"));
            default -> {
            }
        }
        if (CHANGES.contains(type)) {
            data.addProperty("before", changed("The fields that changed, as they were (named as in the resource)"))
                    .addProperty("after", changed("The same fields as they are now"));
        } else if (ENDED.contains(type)) {
            data.addProperty("before", changed("What the resource held before it ended"));
        }
        return data;
    }

    private static io.swagger.v3.oas.models.media.Schema<?> changed(String description) {
        return new ObjectSchema().additionalProperties(true).description(description);
    }

    private static io.swagger.v3.oas.models.media.Schema<?> ref(String component) {
        return new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + component);
    }

    private static final Map<String, String> COMPONENTS = Map.of("user", "User", "account", "Account",
            "member", "Member", "invitation", "Invitation", "contact", "Contact");
    private static final Set<String> CHANGES = Set.of("user.updated", "user.email_changed", "account.updated",
            "account.owner_changed", "member.permissions_changed", "contact.updated", "contact.unsubscribed");
    private static final Set<String> ENDED = Set.of("member.removed", "member.left", "contact.deleted");

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(true).description(description).schema(new StringSchema());
    }
}
