package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.api.ApiClient;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.WithSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A webhook's {@code data} holds the resource exactly as the REST API's GET answers it, so a receiver parses both
 * with the same code; a change adds {@code before} and {@code after}, named as in the API.
 */
@IntegrationTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true"})
class WebhookPayloadsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

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
    String key;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        receiver = WebhookReceiver.start();
        key = credentials.keySecret("webhooks:write", "members:read", "members:write", "contacts:read",
                "contacts:write", "accounts:read", "accounts:write");
        ApiClient.Response created = api.post("/api/v1/webhook-endpoints", key, """
                {"url": "%s", "eventTypes": ["member.added", "contact.created", "contact.updated",
                "account.updated"]}""".formatted(receiver.url()));
        assertThat(created.status()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE WHERE url LIKE ?").param(receiver.url() + "%").update();
    }

    @Test
    void aMemberAndAContactAreSentAsTheApiAnswersThem() {
        Person owner = registrations.registerVerified("Paula");
        long account = registrations.accountOf(owner);
        Person max = registrations.registerVerified("Maximilian");
        assertThat(api.post("/api/v1/accounts/" + account + "/members", key, """
                {"userId": "%d", "permissions": ["invoices", "tickets"]}""".formatted(max.id())).status())
                .isEqualTo(201);
        ApiClient.Response contact = api.post("/api/v1/accounts/" + account + "/contacts", key, """
                {"firstName": "Cleo", "lastName": "Contact", "email": "%s", "subscriptions": ["invoice"]}"""
                .formatted(Registrations.uniqueEmail("cleo")));
        assertThat(contact.status()).isEqualTo(201);
        String contactId = contact.json().get("id").asString();

        JsonNode member = event("member.added", account);
        assertThat(member.at("/data/member")).isEqualTo(
                api.get("/api/v1/accounts/" + account + "/members/" + max.id(), key).json());
        assertThat(member.at("/data/member/permissions").toString()).isEqualTo("[\"invoices\",\"tickets\"]");
        JsonNode created = event("contact.created", account);
        assertThat(created.at("/data/contact")).isEqualTo(
                api.get("/api/v1/accounts/" + account + "/contacts/" + contactId, key).json());
        assertThat(created.at("/data/contact/id").asString()).isEqualTo(contactId);
    }

    @Test
    void aChangeCarriesTheResourceAfterItAndTheFieldsBeforeAndAfter() {
        Person owner = registrations.registerVerified("Rita");
        long account = registrations.accountOf(owner);
        String path = "/api/v1/accounts/" + account;
        JsonNode before = api.get(path, key).json();
        String name = before.get("name").asString();
        assertThat(api.send("PUT", path, java.util.Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"), """
                {"name": "Rita's Hosting", "companyName": "Rita Ltd"}""").status()).isEqualTo(200);

        JsonNode updated = event("account.updated", account);
        assertThat(updated.at("/data/account")).isEqualTo(api.get(path, key).json());
        assertThat(updated.at("/data/account/name").asString()).isEqualTo("Rita's Hosting");
        assertThat(updated.at("/data/before/name").asString()).isEqualTo(name);
        assertThat(updated.at("/data/after/name").asString()).isEqualTo("Rita's Hosting");
        assertThat(updated.at("/data/after/companyName").asString()).isEqualTo("Rita Ltd");
        assertThat(updated.get("data").propertyNames()).containsExactlyInAnyOrder("account", "before", "after");
    }

    @Test
    void theDocumentGivesEachTypesDataTheApisOwnSchemas() {
        JsonNode webhooks = api.get("/v3/api-docs", null).json().get("webhooks");
        assertThat(data(webhooks, "member.added").at("/properties/member/$ref").asString())
                .isEqualTo("#/components/schemas/Member");
        assertThat(data(webhooks, "invitation.accepted").at("/properties/member/$ref").asString())
                .isEqualTo("#/components/schemas/Member");
        assertThat(data(webhooks, "contact.updated").get("properties").propertyNames())
                .containsExactlyInAnyOrder("contact", "before", "after");
        assertThat(data(webhooks, "session.ended").at("/properties/user/$ref").asString())
                .isEqualTo("#/components/schemas/User");
        for (String type : EventTypes.ALL) {
            String resource = type.substring(0, type.indexOf('.'));
            if (!resource.equals("session")) {
                assertThat(data(webhooks, type).at("/properties/" + resource + "/$ref").asString()).as(type)
                        .startsWith("#/components/schemas/");
            }
        }
    }

    private static JsonNode data(JsonNode webhooks, String type) {
        JsonNode allOf = webhooks.at("/" + type + "/post/requestBody/content/application~1json/schema/allOf");
        assertThat(allOf.get(0).get("$ref").asString()).isEqualTo("#/components/schemas/WebhookEvent");
        assertThat(allOf.get(1).at("/properties/type/enum/0").asString()).isEqualTo(type);
        return allOf.get(1).at("/properties/data");
    }

    private JsonNode event(String type, long account) {
        await().atMost(WAIT).until(() -> find(type, account) != null);
        return find(type, account);
    }

    private JsonNode find(String type, long account) {
        return receiver.requests().stream().map(request -> ApiClient.json(request.body()))
                .filter(body -> body.get("type").asString().equals(type)
                        && body.get("account_id").asLong() == account)
                .findFirst().orElse(null);
    }
}
