package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.api.ApiClient;
import app.roster.support.TestCredentials;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.WithSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook endpoints over the REST API: the same use cases, behind {@code webhooks:write}. */
@IntegrationTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true"})
class WebhooksApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;

    @Autowired
    TestCredentials credentials;
    ApiClient api;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE WHERE url LIKE ?").param(receiver.url() + "%").update();
    }

    @Test
    void aKeyWithTheScopeRegistersSendsATestEventAndReadsTheLog() {
        String key = credentials.keySecret("webhooks:write");
        ApiClient.Response created = api.post("/api/v1/webhook-endpoints", key, """
                {"url": "%s", "description": "Billing", "eventTypes": ["member.added"]}""".formatted(receiver.url()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("endpointId").asString();
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhook-endpoints/" + id);

        ApiClient.Response listed = api.get("/api/v1/webhook-endpoints/" + id, key);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("Billing").doesNotContain(secret).doesNotContain(secret.substring(6));

        ApiClient.Response test = api.post("/api/v1/webhook-endpoints/" + id + "/test", key, "");
        assertThat(test.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
        assertThat(receiver.requests().getFirst().id()).isEqualTo(test.json().get("eventId").asString());
        assertThat(new StandardWebhooksVerifier(secret).verifies(receiver.requests().getFirst())).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/webhook-endpoints/" + id + "/deliveries", key).json().get(0).get("state").asString())
                .isEqualTo("DELIVERED"));

        ApiClient.Response disabled = api.post("/api/v1/webhook-endpoints/" + id + "/disable", key, "");
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/webhook-endpoints/999999999/deliveries", key).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentListsEveryEventTypeAsAWebhook() {
        ApiClient.Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        for (String type : EventTypes.ALL) {
            assertThat(document.json().at("/webhooks/" + type.replace("/", "~1") + "/post/requestBody/content")
                    .toString()).as(type).contains("#/components/schemas/WebhookEvent");
        }
        assertThat(document.json().at("/components/schemas/WebhookEvent/properties").toString())
                .contains("occurred_at", "account_id", "sequence", "data");
    }

    @Test
    void aRefusedAddressIs422AndOtherCredentialsAre403() {
        String key = credentials.keySecret("webhooks:write");
        ApiClient.Response refused = api.post("/api/v1/webhook-endpoints", key, """
                {"url": "https://169.254.169.254/latest", "eventTypes": ["member.added"]}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        String otherScope = credentials.keySecret("members:read");
        assertThat(api.get("/api/v1/webhook-endpoints", otherScope).status()).isEqualTo(403);
        Person owner = registrations.registerVerified("Tom");
        long account = registrations.accountOf(owner);
        String token = credentials.tokenSecret(owner.id(), account, "users", "profile", "contacts");
        assertThat(api.post("/api/v1/webhook-endpoints", token, """
                {"url": "%s", "eventTypes": ["member.added"]}""".formatted(receiver.url())).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE url LIKE '%169.254%'").query(Long.class)
                .single()).isZero();
    }
}
