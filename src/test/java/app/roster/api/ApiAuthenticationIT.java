package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.credential.CreateApiKey;
import app.roster.credential.IssuedSecret;
import app.roster.credential.RevokeApiKey;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bearer credentials only, over real HTTP: a missing, malformed, unknown, wrong, expired or revoked credential and
 * a session cookie alone all get the same 401 problem with {@code WWW-Authenticate: Bearer}; a scope the route
 * needs and the credential lacks is 403; and a change made through the API is audited with the credential.
 */
@IntegrationTest
class ApiAuthenticationIT {

    private static final String PERMISSIONS = "/api/v1/permissions";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreateApiKey createApiKey;
    @Autowired
    RevokeApiKey revokeApiKey;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aValidKeyIsAnsweredWithoutAnySessionOrCookie() {
        ApiClient.Response response = api.get(PERMISSIONS, credentials.keySecret("members:read"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.json().get("permissions").get(0).get("key").asString()).isEqualTo("profile");
    }

    @Test
    void noCredentialIsA401ProblemAskingForABearer() {
        ApiClient.Response response = api.get(PERMISSIONS, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=").doesNotContain("error=");
        assertProblem(response, 401, "urn:roster:problem:unauthorized");
        assertThat(response.json().get("instance").asString()).isEqualTo(PERMISSIONS);
        assertThat(response.body()).doesNotContain("Exception", "at app.");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void everyCredentialThatOpensNothingGetsTheSameAnswer() {
        IssuedSecret revoked = credentials.apiKey("Revoked", "members:read");
        revokeApiKey.revoke(credentials.administrator(), revoked.id());
        IssuedSecret expired = createApiKey.create(credentials.administrator(), new CreateApiKey.NewApiKey("Expired",
                java.util.Set.of("members:read"), Instant.now().plusSeconds(60), null));
        jdbc.sql("UPDATE api_keys SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expired.id()).update();
        String valid = credentials.keySecret("members:read");
        String wrongSecret = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unknownKey = "roster_pk_0123456789abcdef_" + valid.substring(valid.length() - 43);

        JsonNode first = null;
        for (String credential : new String[] {"nonsense", valid + "x", wrongSecret, unknownKey, revoked.secret(),
                expired.secret(), "", valid.replace("roster_pk_", "roster_pat_")}) {
            ApiClient.Response response = api.get(PERMISSIONS, credential);
            assertThat(response.status()).as(credential).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"Roster API\", error=\"invalid_token\"");
            assertProblem(response, 401, "urn:roster:problem:unauthorized");
            first = first == null ? response.json() : first;
            assertThat(response.json()).isEqualTo(first);
        }
        ApiClient.Response basic = api.send("GET", PERMISSIONS, Map.of("Authorization", "Basic " + valid), null);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json()).isEqualTo(first);
    }

    @Test
    void aRevocationADisabledUserOrALostMembershipTakesEffectOnTheVeryNextRequest() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        Person max = registrations.registerVerified("Max");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices', ?)")
                .params(account, max.id(), Timestamp.from(Instant.now())).update();
        IssuedSecret key = credentials.apiKey("Billing", "members:read");
        IssuedSecret maxToken = credentials.token(max.id(), account, "CI", "invoices");
        IssuedSecret olgaToken = credentials.token(olga.id(), account, "Deploy script");
        String maxInAccount = "/api/v1/accounts/" + account + "/members/" + max.id();
        assertThat(api.get(maxInAccount, key.secret()).status()).isEqualTo(200);
        assertThat(api.get(maxInAccount, maxToken.secret()).status()).isEqualTo(200);
        assertThat(api.get(PERMISSIONS, olgaToken.secret()).status()).isEqualTo(200);

        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?").params(account, max.id()).update();
        jdbc.sql("UPDATE users SET disabled = TRUE WHERE id = ?").param(olga.id()).update();

        assertProblem(api.get(maxInAccount, key.secret()), 404, "urn:roster:problem:not-found");
        assertThat(api.get(maxInAccount, maxToken.secret()).status()).as("the token died with the membership")
                .isEqualTo(401);
        assertThat(api.get(PERMISSIONS, olgaToken.secret()).status()).as("and with its user's standing")
                .isEqualTo(401);
        revokeApiKey.revoke(credentials.administrator(), key.id());
        assertThat(api.get(PERMISSIONS, key.secret()).status()).isEqualTo(401);
    }

    @Test
    void aSessionCookieAloneOpensNothingEvenOfASignedInUser() {
        Person olga = registrations.registerVerified("Olga");
        Visitor browser = new Visitor(port);
        assertThat(browser.login(olga.email(), olga.password()).status()).isEqualTo(200);
        String session = browser.cookie("ROSTER_SESSION");
        assertThat(session).isNotNull();

        ApiClient.Response response = api.send("GET", PERMISSIONS, Map.of("Cookie", "ROSTER_SESSION=" + session), null);
        ApiClient.Response post = api.send("POST", "/api/v1/access-checks", Map.of("Cookie", "ROSTER_SESSION=" + session,
                "Content-Type", "application/json"), "{\"checks\":[]}");

        assertThat(response.status()).isEqualTo(401);
        assertProblem(response, 401, "urn:roster:problem:unauthorized");
        assertThat(post.status()).isEqualTo(401);
        assertThat(browser.get("/account").status()).as("the session itself is untouched").isEqualTo(200);
    }

    @Test
    void aMissingScopeIsA403ProblemNamingIt() {
        ApiClient.Response response = api.get("/api/v1/accounts/1/members/1", credentials.keySecret("users:read"));

        assertProblem(response, 403, "urn:roster:problem:missing-scope");
        assertThat(response.json().get("detail").asString()).contains("members:read");
    }

    @Test
    void aChangeThroughTheApiIsAuditedWithTheCredentialAsActor() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        IssuedSecret token = credentials.token(olga.id(), account, "Deploy script", "invoices");
        IssuedSecret other = credentials.token(olga.id(), account, "Old laptop");
        IssuedSecret key = credentials.apiKey("Secret scanner", "users:write");

        assertThat(api.delete("/api/v1/personal-tokens/current", token.secret()).status()).isEqualTo(204);
        assertThat(api.get(PERMISSIONS, token.secret()).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/personal-tokens/" + other.id(), key.secret()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/personal-tokens/current", key.secret()).status()).isEqualTo(403);

        Map<String, Object> byToken = jdbc.sql("""
                SELECT actor_type, actor_id, actor_label, account_id, user_id FROM audit_events
                WHERE action = 'credential.token_revoked' AND details LIKE ?""").param("token=" + token.id() + ";%")
                .query().singleRow();
        assertThat(byToken).containsEntry("actor_type", "TOKEN").containsEntry("actor_id", token.id())
                .containsEntry("actor_label", "Deploy script (" + olga.email() + ")").containsEntry("account_id", account)
                .containsEntry("user_id", olga.id());
        Map<String, Object> byKey = jdbc.sql("""
                SELECT actor_type, actor_id, actor_label FROM audit_events
                WHERE action = 'credential.token_revoked' AND details LIKE ?""").param("token=" + other.id() + ";%")
                .query().singleRow();
        assertThat(byKey).containsEntry("actor_type", "API_KEY").containsEntry("actor_id", key.id())
                .containsEntry("actor_label", "Secret scanner");
    }

    /**
     * A read is not a row of the audit trail (a permission check is the platform's hot path): what it leaves is
     * the credential's last use, its time and address, written at most once a minute.
     */
    @Test
    void aReadRecordsTheCredentialsLastUseButNoAuditRow() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        IssuedSecret key = credentials.apiKey("Provisioning", "members:read");
        IssuedSecret token = credentials.token(olga.id(), account, "Dashboard", "invoices");
        String member = "/api/v1/accounts/" + account + "/members/" + olga.id();
        assertThat(lastUsedAt("api_keys", key.id())).isEmpty();
        assertThat(lastUsedAt("personal_tokens", token.id())).isEmpty();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(api.get(member, key.secret()).status()).isEqualTo(200);
        assertThat(api.get(member, token.secret()).status()).isEqualTo(200);

        for (String table : new String[] {"api_keys", "personal_tokens"}) {
            long id = table.equals("api_keys") ? key.id() : token.id();
            assertThat(lastUsedAt(table, id)).get().satisfies(at -> assertThat(at.toInstant()).isAfter(before));
            assertThat(jdbc.sql("SELECT last_used_ip FROM " + table + " WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("127.0.0.1");
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events WHERE (actor_type = 'API_KEY' AND actor_id = ?)
                OR (actor_type = 'TOKEN' AND actor_id = ?)""").params(key.id(), token.id()).query(Integer.class)
                .single()).isZero();
    }

    private Optional<Timestamp> lastUsedAt(String table, long id) {
        return jdbc.sql("SELECT last_used_at FROM " + table + " WHERE id = ?").param(id).query(Timestamp.class)
                .optional();
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
