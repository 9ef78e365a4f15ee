package app.roster.webhook.api;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.webhook.DisableWebhookEndpoint;
import app.roster.webhook.EnableWebhookEndpoint;
import app.roster.webhook.FindWebhookEndpoints;
import app.roster.webhook.IssuedWebhookSecret;
import app.roster.webhook.RedeliverWebhook;
import app.roster.webhook.RedeliverWebhooksSince;
import app.roster.webhook.RegisterWebhookEndpoint;
import app.roster.webhook.RotateWebhookSecret;
import app.roster.webhook.SendTestWebhook;
import app.roster.webhook.WebhookDelivery;
import app.roster.webhook.WebhookDeliveryId;
import app.roster.webhook.WebhookEndpoint;
import app.roster.webhook.WebhookEndpointId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints for the platform's own systems, over the same use cases as the Admin Area: staff-level, so
 * a platform API key with {@code webhooks:write} only (a personal access token is never granted it).
 */
@RestController
@Tag(name = "Webhooks", description = "Endpoints that receive signed events, their secrets and delivery log")
class WebhooksApiController {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    private final FindWebhookEndpoints find;
    private final RegisterWebhookEndpoint register;
    private final RotateWebhookSecret rotate;
    private final DisableWebhookEndpoint disable;
    private final EnableWebhookEndpoint enable;
    private final SendTestWebhook sendTest;
    private final RedeliverWebhook redeliver;
    private final RedeliverWebhooksSince redeliverSince;

    WebhooksApiController(FindWebhookEndpoints find, RegisterWebhookEndpoint register, RotateWebhookSecret rotate,
            DisableWebhookEndpoint disable, EnableWebhookEndpoint enable, SendTestWebhook sendTest,
            RedeliverWebhook redeliver, RedeliverWebhooksSince redeliverSince) {
        this.find = find;
        this.register = register;
        this.rotate = rotate;
        this.disable = disable;
        this.enable = enable;
        this.sendTest = sendTest;
        this.redeliver = redeliver;
        this.redeliverSince = redeliverSince;
    }

    @Schema(name = "WebhookEndpointRequest")
    record EndpointRequest(@NotBlank @Size(max = 2000) @Schema(example = "https://billing.example.com/roster-hooks")
            String url, @Size(max = 500) @Schema(example = "Billing") String description,
            @NotEmpty @Size(max = 40) @Schema(example = "[\"member.added\", \"member.removed\"]")
            List<@NotBlank String> eventTypes) {

        RegisterWebhookEndpoint.NewEndpoint toNewEndpoint() {
            return new RegisterWebhookEndpoint.NewEndpoint(url, description, new LinkedHashSet<>(eventTypes));
        }
    }

    @Schema(name = "WebhookEndpoint")
    record EndpointResponse(@Schema(example = "3") String id, String url, String description,
            List<String> eventTypes, boolean enabled, @Schema(description = "administrator or failing; null "
                    + "while enabled") String disabledReason,
            @Schema(description = "Until when the previous secret still signs; null without a rotation")
            Instant previousSecretUntil, Instant createdAt) {

        static EndpointResponse of(WebhookEndpoint e) {
            return new EndpointResponse(String.valueOf(e.id()), e.url(), e.description(),
                    List.copyOf(new java.util.TreeSet<>(e.eventTypes())), e.enabled(), e.disabledReason(),
                    e.previousSecretUntil(), e.createdAt());
        }
    }

    @Schema(name = "WebhookSecret", description = "Shown once: Roster keeps it encrypted and never shows it again")
    record SecretResponse(@Schema(example = "3") String endpointId,
            @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

        static SecretResponse of(IssuedWebhookSecret issued) {
            return new SecretResponse(String.valueOf(issued.endpointId()), issued.secret());
        }
    }

    @Schema(name = "WebhookDelivery")
    record DeliveryResponse(@Schema(example = "17") String id, @Schema(description = "The event id, also the "
            + "webhook-id header") String eventId, String eventType, long sequence,
            @Schema(example = "DELIVERED") String state, int attempts, Instant nextAttemptAt,
            Instant lastAttemptAt, Integer lastStatus, Integer lastLatencyMs, String lastError, Instant createdAt,
            Instant deliveredAt) {

        static DeliveryResponse of(WebhookDelivery d) {
            return new DeliveryResponse(String.valueOf(d.id()), d.eventId().toString(), d.eventType(), d.sequence(),
                    d.state().name(), d.attempts(), d.nextAttemptAt(), d.lastAttemptAt(), d.lastStatus(),
                    d.lastLatencyMs(), d.lastError(), d.createdAt(), d.deliveredAt());
        }
    }

    @Schema(name = "WebhookRedeliveryRequest")
    record RedeliverSinceRequest(@NotNull @Schema(description = "RFC 3339; events that occurred at or after it",
            example = "2026-12-02T06:00:00Z") Instant since) {
    }

    @Schema(name = "WebhookRedelivery")
    record RedeliveredResponse(@Schema(description = "How many events were queued again", example = "12") int queued) {
    }

    @Schema(name = "WebhookTestEvent")
    record TestEventResponse(@Schema(description = "The test event's id, also its webhook-id header") String eventId) {
    }

    @GetMapping(path = ENDPOINTS, produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "List webhook endpoints", description = "Every endpoint, oldest first; never a secret.")
    @ApiResponse(responseCode = "200", description = "The endpoints")
    List<EndpointResponse> list(ApiCaller caller) {
        return find.all(caller.actor()).stream().map(EndpointResponse::of).toList();
    }

    @PostMapping(path = ENDPOINTS, consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Register a webhook endpoint", description = """
            The URL must be https:// and resolve to public addresses only (see the README's SSRF rules); the \
            event types are those of the document's `webhooks` list. The answer holds the signing secret, \
            shown this once.""")
    @ApiResponse(responseCode = "201", description = "Registered; the secret, once")
    @ApiResponse(responseCode = "422", description = "A refused URL or address, or an unknown event type")
    ResponseEntity<SecretResponse> register(ApiCaller caller, @Valid @RequestBody EndpointRequest request) {
        IssuedWebhookSecret issued = register.register(caller.actor(), request.toNewEndpoint());
        return ResponseEntity.created(URI.create(ENDPOINTS + "/" + issued.endpointId()))
                .body(SecretResponse.of(issued));
    }

    @GetMapping(path = ENDPOINTS + "/{endpointId}", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "One webhook endpoint", description = "The endpoint, never its secret.")
    @ApiResponse(responseCode = "200", description = "The endpoint")
    EndpointResponse endpoint(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId) {
        return EndpointResponse.of(find.find(caller.actor(), endpointId.value()));
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/rotate-secret", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Rotate an endpoint's secret", description = """
            A new secret, shown this once. The previous one keeps signing beside it (two signatures) for the \
            grace period, so the receiver can switch without losing a delivery.""")
    @ApiResponse(responseCode = "200", description = "The new secret, once")
    SecretResponse rotate(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId) {
        return SecretResponse.of(rotate.rotate(caller.actor(), endpointId.value()));
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/disable", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Disable an endpoint", description = """
            Nothing more is sent to it and no new event is queued for it; its pending deliveries wait in order.""")
    @ApiResponse(responseCode = "200", description = "The endpoint, disabled")
    EndpointResponse disable(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId) {
        disable.disable(caller.actor(), endpointId.value());
        return EndpointResponse.of(find.find(caller.actor(), endpointId.value()));
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/enable", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Enable an endpoint again", description = "Its pending deliveries go on, in order.")
    @ApiResponse(responseCode = "200", description = "The endpoint, enabled")
    EndpointResponse enable(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId) {
        enable.enable(caller.actor(), endpointId.value());
        return EndpointResponse.of(find.find(caller.actor(), endpointId.value()));
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/test", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Send a test event", description = """
            A `webhook.test` event to this endpoint only, signed and delivered like any other.""")
    @ApiResponse(responseCode = "200", description = "Queued")
    TestEventResponse test(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId) {
        return new TestEventResponse(sendTest.send(caller.actor(), endpointId.value()).toString());
    }

    @GetMapping(path = ENDPOINTS + "/{endpointId}/deliveries", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "An endpoint's delivery log", description = """
            Its newest 100 deliveries, newest first: state, attempts, last status, latency and error.""")
    @ApiResponse(responseCode = "200", description = "The log")
    List<DeliveryResponse> deliveries(ApiCaller caller, @Parameter(description = "The endpoint's id",
            example = "3") @PathVariable WebhookEndpointId endpointId) {
        return find.deliveries(caller.actor(), endpointId.value()).stream().map(DeliveryResponse::of).toList();
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/deliveries/{deliveryId}/redeliver", produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Redeliver", description = """
            Sends a delivered or given-up delivery again: the same event id and body, signed afresh. A pending \
            one is on its way already (409).""")
    @ApiResponse(responseCode = "204", description = "Queued again")
    @ApiResponse(responseCode = "409", description = "Still pending")
    ResponseEntity<Void> redeliver(ApiCaller caller,
            @Parameter(description = "The endpoint's id", example = "3") @PathVariable WebhookEndpointId endpointId,
            @Parameter(description = "The delivery's id", example = "17") @PathVariable WebhookDeliveryId deliveryId) {
        redeliver.redeliver(caller.actor(), endpointId.value(), deliveryId.value());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = ENDPOINTS + "/{endpointId}/redeliver", consumes = "application/json",
            produces = "application/json")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(summary = "Redeliver everything since a time", description = """
            Queues again every event since `since` of the types the endpoint subscribes to (and registered after \
            it): delivered, given up, or never queued because the endpoint was disabled, with the same ids and \
            bodies, in sequence order per account. Pending ones are on their way already and are left alone. At \
            most 1000 at a time, the oldest first.""")
    @ApiResponse(responseCode = "200", description = "How many were queued")
    RedeliveredResponse redeliverSince(ApiCaller caller, @Parameter(description = "The endpoint's id", example = "3")
            @PathVariable WebhookEndpointId endpointId, @Valid @RequestBody RedeliverSinceRequest request) {
        return new RedeliveredResponse(redeliverSince.redeliver(caller.actor(), endpointId.value(), request.since()));
    }
}
