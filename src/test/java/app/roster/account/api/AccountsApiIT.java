package app.roster.account.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.credential.IssuedSecret;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The accounts endpoints over real HTTP with a platform API key: search across pages, one account, opening one
 * with a new or existing owner (the owner's set-password email, an idempotent retry), the profile, closing,
 * allowed domains and deletion; each refusal as its problem, and what a personal access token may not do.
 */
@IntegrationTest
class AccountsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;

    final Mailbox mailbox = Mailbox.shared();
    ApiClient api;
    IssuedSecret key;
    String secret;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        key = credentials.apiKey("Billing", "accounts:read", "accounts:write");
        secret = key.secret();
    }

    @Test
    void opensAnAccountWithANewOwnerWhoIsEmailedASetPasswordLink() {
        String email = Registrations.uniqueEmail("owner");
        ApiClient.Response created = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": "Acme Hosting", "companyName": "Acme Ltd", "country": "gb"},
                 "owner": {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "language": "fr"}}"""
                .formatted(email.toUpperCase()));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("Acme Hosting");
        assertThat(created.json().get("country").asString()).isEqualTo("GB");
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get("createdAt").asString()).endsWith("Z");
        long owner = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
        assertThat(created.json().get("ownerUserId").asString()).isEqualTo(String.valueOf(owner));

        MimeMessage message = mailbox.awaitMessage(email, 1);
        assertThat(Mailbox.link(message, "/password/reset")).contains("token=");
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id, actor_label, user_id FROM audit_events
                WHERE action = 'admin.client.created' AND account_id = ?""").param(Long.parseLong(id))
                .query().singleRow();
        assertThat(audit).containsEntry("actor_type", "API_KEY").containsEntry("actor_id", key.id())
                .containsEntry("actor_label", "Billing").containsEntry("user_id", owner);

        ApiClient.Response read = api.get("/api/v1/accounts/" + id, secret);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void opensAnAccountForAnExistingUserAndRefusesWhatCannotBeAnOwner() {
        Person olga = registrations.registerVerified("Olga");

        ApiClient.Response created = api.post("/api/v1/accounts", secret,
                "{\"profile\": {\"name\": \"Olga's second\"}, \"owner\": {\"userId\": \"" + olga.id() + "\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ownerUserId").asString()).isEqualTo(String.valueOf(olga.id()));

        ApiClient.Response gone = api.post("/api/v1/accounts", secret,
                "{\"profile\": {\"name\": \"Nobody's\"}, \"owner\": {\"userId\": \"999999999\"}}");
        assertProblem(gone, 422, "rule-refused");
        assertThat(gone.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");

        ApiClient.Response taken = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": "Taken"}, "owner": {"email": "%s", "firstName": "O", "lastName": "T"}}"""
                .formatted(olga.email()));
        assertProblem(taken, 409, "conflict");

        ApiClient.Response both = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": "Both"}, "owner": {"userId": "%d", "email": "x@example.com"}}"""
                .formatted(olga.id()));
        assertProblem(both, 400, "validation");
        assertThat(both.json().get("errors").get(0).get("field").asString()).isEqualTo("owner.oneOwner");

        ApiClient.Response invalid = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": " ", "country": "Great Britain"}, "owner": {"userId": "%d"}}"""
                .formatted(olga.id()));
        assertProblem(invalid, 400, "validation");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("profile.name", "profile.country");

        ApiClient.Response unknown = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": "X", "plan": "gold"}, "owner": {"userId": "%d"}}""".formatted(olga.id()));
        assertProblem(unknown, 400, "unknown-field");
        assertThat(fields(unknown)).containsExactly("profile.plan");

        ApiClient.Response badEmail = api.post("/api/v1/accounts", secret, """
                {"profile": {"name": "X"}, "owner": {"email": "not-an-address", "firstName": "O", "lastName": "T"}}""");
        assertProblem(badEmail, 422, "rule-refused");
        assertThat(fields(badEmail)).containsExactly("owner.email");
        assertThat(accountsNamed("Nobody's") + accountsNamed("Taken") + accountsNamed("Both") + accountsNamed("X"))
                .isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyOpensOneAccountAndAnswersTheSame() {
        String name = "Retry " + UUID.randomUUID();
        String body = """
                {"profile": {"name": "%s"}, "owner": {"email": "%s", "firstName": "Re", "lastName": "Try"}}"""
                .formatted(name, Registrations.uniqueEmail("retry"));
        Map<String, String> headers = headers(secret);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response first = api.send("POST", "/api/v1/accounts", headers, body);
        ApiClient.Response again = api.send("POST", "/api/v1/accounts", headers, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(accountsNamed(name)).isEqualTo(1);
    }

    @Test
    void searchWalksEveryPageOnceInIdOrder() {
        String prefix = "walk" + UUID.randomUUID().toString().substring(0, 8);
        List<String> opened = new ArrayList<>();
        Person owner = registrations.registerVerified("Walker");
        for (int i = 0; i < 5; i++) {
            opened.add(api.post("/api/v1/accounts", secret, "{\"profile\": {\"name\": \"" + prefix + " " + i
                    + "\"}, \"owner\": {\"userId\": \"" + owner.id() + "\"}}").json().get("id").asString());
        }

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get("/api/v1/accounts?search=" + prefix.toUpperCase() + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), secret);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                walked.add(item.get("id").asString());
                assertThat(item.get("ownerEmail").asString()).isEqualTo(owner.email());
            });
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(walked).isEqualTo(opened);
        assertThat(pages).isEqualTo(3);
        assertProblem(api.get("/api/v1/accounts?limit=201", secret), 422, "rule-refused");
        assertProblem(api.get("/api/v1/accounts?cursor=tampered", secret), 422, "rule-refused");
    }

    @Test
    void replacesTheProfileAuditedWithTheKey() {
        long account = registrations.accountOf(registrations.registerVerified("Paula"));
        ApiClient.Response updated = put("/api/v1/accounts/" + account, secret, """
                {"name": "Paula's Shop", "city": " Lyon ", "phone": "+33 1 23"}""");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Paula's Shop");
        assertThat(updated.json().get("city").asString()).isEqualTo("Lyon");
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id FROM audit_events WHERE action = 'account.profile_updated'
                AND account_id = ?""").param(account).query().singleRow();
        assertThat(audit).containsEntry("actor_type", "API_KEY").containsEntry("actor_id", key.id());

        assertProblem(put("/api/v1/accounts/" + account, secret, "{\"name\": \"\"}"), 400, "validation");
        assertProblem(put("/api/v1/accounts/" + account, secret, "{\"name\": \"A\", \"vat\": \"1\"}"), 400,
                "unknown-field");
        assertProblem(put("/api/v1/accounts/999999999", secret, "{\"name\": \"A\"}"), 404, "not-found");
        assertProblem(put("/api/v1/accounts/" + account, credentials.keySecret("accounts:read"),
                "{\"name\": \"A\"}"), 403, "missing-scope");
    }

    @Test
    void closesAndReopensAnAccount() {
        long account = registrations.accountOf(registrations.registerVerified("Clara"));

        ApiClient.Response closed = api.post("/api/v1/accounts/" + account + "/close", secret, null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/accounts/" + account + "/close", secret, null).json().get("status").asString())
                .isEqualTo("CLOSED");
        ApiClient.Response reopened = api.post("/api/v1/accounts/" + account + "/reopen", secret, null);
        assertThat(reopened.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'account.closed' AND account_id = ?")
                .param(account).query(String.class).list()).containsExactly("API_KEY");

        assertProblem(api.post("/api/v1/accounts/999999999/close", secret, null), 404, "not-found");
        assertProblem(api.post("/api/v1/accounts/" + account + "/close", credentials.keySecret("accounts:read"),
                null), 403, "missing-scope");
    }

    @Test
    void setsAndReadsTheAllowedDomains() {
        long account = registrations.accountOf(registrations.registerVerified("Dora"));
        String path = "/api/v1/accounts/" + account + "/allowed-domains";

        ApiClient.Response set = put(path, secret, "{\"domains\": [\"Acme.example\", \"*.acme.example.org\"]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get(path, secret).json().get("domains").toString())
                .isEqualTo("[\"acme.example\",\"*.acme.example.org\"]");

        ApiClient.Response invalid = put(path, secret, "{\"domains\": [\"ok.example\", \"not a domain\"]}");
        assertProblem(invalid, 422, "rule-refused");
        assertThat(fields(invalid)).containsExactly("domains[1]");
        assertProblem(put(path, secret, "{\"domains\": [" + "\"a.example\",".repeat(101) + "\"b.example\"]}"), 400,
                "validation");
        assertProblem(put(path, secret, "{}"), 400, "validation");
        assertThat(put(path, secret, "{\"domains\": []}").json().get("domains").size()).isZero();
        assertProblem(api.get("/api/v1/accounts/999999999/allowed-domains", secret), 404, "not-found");
    }

    @Test
    void aPersonalTokenReadsAndChangesOnlyItsOwnAccountAndNeverTheStaffOperations() {
        Person owner = registrations.registerVerified("Tomas");
        long account = registrations.accountOf(owner);
        long other = registrations.accountOf(registrations.registerVerified("Other"));
        String token = credentials.tokenSecret(owner.id(), account, "profile");
        String noProfile = credentials.tokenSecret(owner.id(), account, "invoices");

        assertThat(api.get("/api/v1/accounts/" + account, token).status()).isEqualTo(200);
        assertThat(put("/api/v1/accounts/" + account, token, "{\"name\": \"Tomas & Co\"}").status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/accounts/" + other, token), 404, "not-found");
        assertProblem(put("/api/v1/accounts/" + other, token, "{\"name\": \"Mine\"}"), 404, "not-found");
        assertProblem(api.get("/api/v1/accounts", token), 403, "forbidden");
        assertProblem(api.post("/api/v1/accounts/" + account + "/close", token, null), 403, "forbidden");
        assertProblem(api.delete("/api/v1/accounts/" + account, token), 403, "forbidden");
        assertProblem(api.post("/api/v1/accounts", token, """
                {"profile": {"name": "By token"}, "owner": {"userId": "%d"}}""".formatted(owner.id())), 403,
                "forbidden");
        assertProblem(put("/api/v1/accounts/" + account + "/allowed-domains", token, "{\"domains\": []}"), 403,
                "forbidden");
        assertProblem(api.get("/api/v1/accounts/" + account, noProfile), 403, "missing-scope");
        assertThat(accountsNamed("By token")).isZero();
    }

    @Test
    void deletesAnAccountAndOnlyIfAskedItsUsersInNoOtherAccount() {
        Person alone = registrations.registerVerified("Alone");
        long first = registrations.accountOf(alone);
        Person kept = registrations.registerVerified("Kept");
        long second = registrations.accountOf(kept);

        assertThat(api.delete("/api/v1/accounts/" + first + "?deleteLoneUsers=true", secret).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/accounts/" + second, secret).status()).isEqualTo(204);

        assertThat(count("SELECT COUNT(*) FROM accounts WHERE id IN (?, ?)", first, second)).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", alone.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", kept.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_label FROM audit_events WHERE action = 'admin.client.deleted' AND account_id = ?")
                .param(first).query(String.class).single()).isEqualTo("Billing");
        assertProblem(api.delete("/api/v1/accounts/" + first, secret), 404, "not-found");
        assertProblem(api.get("/api/v1/accounts/" + first, secret), 404, "not-found");
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutesTheirBodiesAndProblems() {
        JsonNode doc = api.send("GET", "/v3/api-docs", Map.of(), null).json();
        JsonNode paths = doc.get("paths");

        JsonNode create = paths.get("/api/v1/accounts").get("post");
        assertThat(create.get("summary").asString()).isNotBlank();
        assertThat(create.get("responses").propertyNames()).contains("201", "400", "403", "409", "422");
        assertThat(create.get("responses").get("409").get("content").has("application/problem+json")).isTrue();
        assertThat(paths.get("/api/v1/accounts/{accountId}").propertyNames()).contains("get", "put", "delete");
        assertThat(paths.get("/api/v1/users/{userId}").propertyNames()).contains("get", "patch", "delete");
        assertThat(paths.has("/api/v1/accounts/{accountId}/allowed-domains")).isTrue();
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("NewAccountOwner").get("properties").propertyNames())
                .containsExactlyInAnyOrder("userId", "email", "firstName", "lastName", "language");
        assertThat(schemas.get("UserWithAccounts").get("properties").has("accounts")).isTrue();
    }

    private ApiClient.Response put(String path, String credential, String json) {
        return api.send("PUT", path, headers(credential), json);
    }

    private static Map<String, String> headers(String credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + credential);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private int accountsNamed(String name) {
        return count("SELECT COUNT(*) FROM accounts WHERE name = ?", name);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    static List<String> fields(ApiClient.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.get("type").asString()).isEqualTo("urn:roster:problem:" + type);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asString()).isNotBlank();
    }
}
