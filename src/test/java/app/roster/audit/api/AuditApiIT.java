package app.roster.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.credential.IssuedSecret;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/audit-events over real HTTP: each filter, the cursor across pages, and who may read it at all. */
@IntegrationTest
class AuditApiIT {

    private static final String EVENTS = "/api/v1/audit-events";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;

    ApiClient api;
    Person olga;
    long account;
    IssuedSecret writer;
    String reader;

    @BeforeEach
    void threeContactsAddedByAKey() {
        api = new ApiClient(port);
        olga = registrations.registerVerified("Olga");
        account = registrations.accountOf(olga);
        writer = credentials.apiKey("Billing sync", "contacts:write");
        reader = credentials.keySecret("audit:read");
        for (String name : new String[] {"Ann", "Ben", "Cat"}) {
            ApiClient.Response created = api.post("/api/v1/accounts/" + account + "/contacts", writer.secret(),
                    "{\"firstName\":\"" + name + "\",\"lastName\":\"T\",\"email\":\""
                            + Registrations.uniqueEmail(name.toLowerCase()) + "\"}");
            assertThat(created.status()).isEqualTo(201);
        }
    }

    List<JsonNode> items(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    String added() {
        return EVENTS + "?account=" + account + "&action=contact.added";
    }

    static String time(String rfc3339) {
        return URLEncoder.encode(rfc3339, StandardCharsets.UTF_8);
    }

    @Test
    void theAccountAndActionFiltersGiveItsEntriesNewestFirst() {
        List<JsonNode> entries = items(api.get(added(), reader));

        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("accountId").asString()).isEqualTo(String.valueOf(account));
            assertThat(entry.get("action").asString()).isEqualTo("contact.added");
            assertThat(entry.get("actor").get("type").asString()).isEqualTo("API_KEY");
            assertThat(entry.get("actor").get("id").asString()).isEqualTo(String.valueOf(writer.id()));
            assertThat(entry.get("actor").get("label").asString()).isEqualTo("Billing sync");
            assertThat(entry.get("occurredAt").asString()).endsWith("Z");
        });
        assertThat(entries.get(0).get("details").asString()).contains("Cat");
        assertThat(entries.get(2).get("details").asString()).contains("Ann");
        List<JsonNode> all = items(api.get(EVENTS + "?account=" + account, reader));
        assertThat(all).allSatisfy(entry -> assertThat(entry.get("accountId").asString()).isEqualTo(String.valueOf(account)));
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theActorFilterFindsWhatOneKeyDid() {
        List<JsonNode> byKey = items(api.get(EVENTS + "?actorType=API_KEY&actorId=" + writer.id(), reader));

        assertThat(byKey).hasSize(3).allSatisfy(entry -> assertThat(entry.get("action").asString()).isEqualTo("contact.added"));
        assertThat(items(api.get(EVENTS + "?actorType=TOKEN&actorId=" + writer.id() + "&account=" + account, reader))).isEmpty();
    }

    @Test
    void theTimeRangeIsFromInclusiveToExclusive() {
        List<JsonNode> entries = items(api.get(added(), reader));
        String middle = entries.get(1).get("occurredAt").asString();

        assertThat(items(api.get(added() + "&from=" + time(middle), reader))).extracting(e -> e.get("id").asString())
                .containsExactly(entries.get(0).get("id").asString(), entries.get(1).get("id").asString());
        assertThat(items(api.get(added() + "&to=" + time(middle), reader))).extracting(e -> e.get("id").asString())
                .containsExactly(entries.get(2).get("id").asString());
        assertThat(items(api.get(added() + "&from=" + time(Instant.now().plusSeconds(3600).toString()), reader))).isEmpty();
        assertThat(items(api.get(added() + "&from=" + time("2020-01-01T02:00:00+02:00"), reader))).hasSize(3);

        ApiClient.Response malformed = api.get(added() + "&from=yesterday", reader);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(api.get(EVENTS + "?actorType=ROBOT", reader).status()).isEqualTo(400);
    }

    @Test
    void theCursorWalksEveryEntryOnceWithTheSameFilters() {
        List<String> expected = items(api.get(added(), reader)).stream().map(e -> e.get("id").asString()).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get(added() + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), reader);
            items(page).forEach(e -> seen.add(e.get("id").asString()));
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
        String contactsCursor = api.get("/api/v1/accounts/" + account + "/contacts?limit=1",
                credentials.keySecret("contacts:read")).json().get("next").asString();
        ApiClient.Response foreign = api.get(added() + "&cursor=" + contactsCursor, reader);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(api.get(added() + "&limit=0", reader).status()).isEqualTo(422);
    }

    @Test
    void onlyAPlatformKeyWithTheScopeReadsTheTrail() {
        String ownersToken = credentials.tokenSecret(olga.id(), account, "profile", "contacts", "users", "invoices");

        ApiClient.Response token = api.get(EVENTS + "?account=" + account, ownersToken);
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().get("type").asString()).isEqualTo("urn:roster:problem:missing-scope");
        ApiClient.Response unscoped = api.get(EVENTS, writer.secret());
        assertThat(unscoped.status()).isEqualTo(403);
        assertThat(unscoped.json().get("detail").asString()).contains("audit:read");
        assertThat(api.get(EVENTS, null).status()).isEqualTo(401);
    }
    @Test
    void theOpenApiDocumentDescribesTheseOperationsWithTheirProblemsAndWithoutTheCaller() {
        ApiClient.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);

        List<String> checked = new ArrayList<>();
        docs.json().get("paths").properties().forEach(path -> {
            if (!path.getKey().matches(".*/(contacts|recipients|audit-events).*")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                JsonNode op = operation.getValue();
                String name = operation.getKey() + " " + path.getKey();
                checked.add(name);
                assertThat(op.get("summary").asString()).as(name).isNotBlank();
                assertThat(op.get("description").asString()).as(name).isNotBlank();
                assertThat(op.get("responses").has("401")).as(name).isTrue();
                assertThat(op.get("responses").has("403")).as(name).isTrue();
                assertThat(op.get("responses").get("403").get("content").has("application/problem+json")).as(name).isTrue();
                if (op.has("parameters")) {
                    op.get("parameters").forEach(p -> assertThat(p.get("name").asString()).as(name).isNotEqualTo("caller"));
                }
            });
        });
        assertThat(checked).hasSize(9);
    }
}
