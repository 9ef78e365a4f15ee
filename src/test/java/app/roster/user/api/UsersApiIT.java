package app.roster.user.api;

import static app.roster.api.RuleRefusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.credential.IssuedSecret;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
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
 * The users endpoints over real HTTP with a platform API key: search across pages, one user with their accounts,
 * creating one (the set-password email, an idempotent retry), name, language and email, disabling, sessions, a
 * reset link, and deletion only of a user in no account; each refusal as its problem; never a personal token.
 */
@IntegrationTest
class UsersApiIT {

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
        key = credentials.apiKey("Provisioning", "users:read", "users:write");
        secret = key.secret();
    }

    @Test
    void createsAUserWithoutAPasswordWhoIsEmailedASetPasswordLink() {
        String email = Registrations.uniqueEmail("newbie");
        ApiClient.Response created = api.post("/api/v1/users", secret, """
                {"email": "%s", "firstName": " Nina ", "lastName": "New", "language": "de"}""".formatted(email));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(created.json().get("firstName").asString()).isEqualTo("Nina");
        assertThat(created.json().get("language").asString()).isEqualTo("de");
        assertThat(created.json().get("disabled").asBoolean()).isFalse();
        assertThat(created.json().has("passwordHash")).isFalse();
        assertThat(Mailbox.link(mailbox.awaitMessage(email, 1), "/password/reset")).contains("token=");
        assertThat(jdbc.sql("SELECT actor_type, actor_label FROM audit_events WHERE action = 'user.created_by_staff'"
                + " AND user_id = ?").param(Long.parseLong(id)).query().singleRow())
                .containsEntry("actor_type", "API_KEY").containsEntry("actor_label", "Provisioning");

        ApiClient.Response user = api.get("/api/v1/users/" + id, secret);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("email").asString()).isEqualTo(email);
        assertThat(user.json().get("accounts").size()).isZero();
    }

    @Test
    void refusesWhatCannotBeAUser() {
        Person olga = registrations.registerVerified("Olga");

        assertProblem(api.post("/api/v1/users", secret, """
                {"email": "%s", "firstName": "O", "lastName": "T"}""".formatted(olga.email().toUpperCase())), 409,
                "conflict");
        ApiClient.Response invalid = api.post("/api/v1/users", secret, """
                {"email": "x@example.com", "firstName": " ", "language": "es"}""");
        assertProblem(invalid, 400, "validation");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("firstName", "lastName", "language");
        assertProblem(api.post("/api/v1/users", secret, """
                {"email": "x@example.com", "firstName": "X", "lastName": "Y", "password": "secret"}"""), 400,
                "unknown-field");
        ApiClient.Response badEmail = api.post("/api/v1/users", secret, """
                {"email": "no-at-sign", "firstName": "X", "lastName": "Y"}""");
        assertProblem(badEmail, 422, "rule-refused");
        assertThat(fields(badEmail)).containsExactly("email");
        assertProblem(api.post("/api/v1/users", credentials.keySecret("users:read"), """
                {"email": "x@example.com", "firstName": "X", "lastName": "Y"}"""), 403, "missing-scope");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email IN ('x@example.com', 'no-at-sign')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneUser() {
        String email = Registrations.uniqueEmail("retry");
        String body = "{\"email\": \"" + email + "\", \"firstName\": \"Re\", \"lastName\": \"Try\"}";
        Map<String, String> headers = headers(secret);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response first = api.send("POST", "/api/v1/users", headers, body);
        ApiClient.Response again = api.send("POST", "/api/v1/users", headers, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Integer.class).single())
                .isEqualTo(1);
        mailbox.awaitMessage(email, 1);
        assertThat(mailbox.messagesTo(email)).hasSize(1);
    }

    @Test
    void searchWalksEveryPageOnceInIdOrder() {
        String prefix = "walk" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.post("/api/v1/users", secret, "{\"email\": \"" + prefix + i
                    + "@example.com\", \"firstName\": \"W\", \"lastName\": \"K\"}").json().get("id").asString());
        }

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get("/api/v1/users?search=" + prefix + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), secret);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> walked.add(item.get("id").asString()));
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(walked).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
        assertProblem(api.get("/api/v1/users?limit=0", secret), 422, "rule-refused");
    }

    @Test
    void readsAUserWithTheirAccounts() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);

        ApiClient.Response user = api.get("/api/v1/users/" + olga.id(), secret);

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("id").asString()).isEqualTo(String.valueOf(olga.id()));
        assertThat(user.json().get("emailVerified").asBoolean()).isTrue();
        JsonNode first = user.json().get("accounts").get(0);
        assertThat(first.get("accountId").asString()).isEqualTo(String.valueOf(account));
        assertThat(first.get("owner").asBoolean()).isTrue();
        assertThat(user.json().get("moreAccounts").asBoolean()).isFalse();
        assertProblem(api.get("/api/v1/users/999999999", secret), 404, "not-found");
        assertProblem(api.get("/api/v1/users/not-an-id", secret), 404, "not-found");
    }

    @Test
    void changesNameLanguageAndEmailWhichMustBeVerifiedAgain() {
        Person paula = registrations.registerVerified("Paula");
        Person other = registrations.registerVerified("Other");
        String newEmail = Registrations.uniqueEmail("paula.new");

        ApiClient.Response renamed = patch("/api/v1/users/" + paula.id(), "{\"lastName\": \"Martin\", \"language\": \"fr\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("firstName").asString()).isEqualTo("Paula");
        assertThat(renamed.json().get("lastName").asString()).isEqualTo("Martin");
        assertThat(renamed.json().get("language").asString()).isEqualTo("fr");
        assertThat(jdbc.sql("SELECT actor_type, actor_id FROM audit_events WHERE action = 'user.profile_updated'"
                + " AND user_id = ?").param(paula.id()).query().singleRow())
                .containsEntry("actor_type", "API_KEY").containsEntry("actor_id", key.id());

        ApiClient.Response moved = patch("/api/v1/users/" + paula.id(), "{\"email\": \"" + newEmail + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("email").asString()).isEqualTo(newEmail);
        assertThat(moved.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(Mailbox.link(mailbox.awaitMessage(newEmail, 1), "/verify-email")).contains("token=");

        ApiClient.Response taken = patch("/api/v1/users/" + paula.id(),
                "{\"email\": \"" + other.email() + "\", \"firstName\": \"Changed\"}");
        assertProblem(taken, 422, "rule-refused");
        assertThat(fields(taken)).containsExactly("email");
        assertThat(api.get("/api/v1/users/" + paula.id(), secret).json().get("firstName").asString())
                .isEqualTo("Paula");
        assertProblem(patch("/api/v1/users/" + paula.id(), "{\"firstName\": \" \"}"), 400, "validation");
        assertProblem(patch("/api/v1/users/" + paula.id(), "{\"nickname\": \"P\"}"), 400, "unknown-field");
        assertProblem(patch("/api/v1/users/999999999", "{\"firstName\": \"P\"}"), 404, "not-found");
    }

    /** An address with a hidden character reaches no use case: 422 on {@code email}, and nothing is created or changed. */
    @Test
    void anAddressWithAHiddenCharacterOrABadDomainIs422OnEmail() {
        String zeroWidth = "zoe\\u200b@example.com";
        assertRefusedOn(api.post("/api/v1/users", secret, """
                {"email": "%s", "firstName": "Zoe", "lastName": "Z"}""".formatted(zeroWidth)), "email.invalid", "email");
        assertRefusedOn(api.post("/api/v1/users", secret, """
                {"email": "zoe@exa_mple.com", "firstName": "Zoe", "lastName": "Z"}"""), "email.invalid", "email");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email IN (?, ?, ?)")
                .params("zoe\u200b@example.com", "zoe@example.com", "zoe@exa_mple.com").query(Integer.class).single())
                .isZero();

        Person olga = registrations.registerVerified("Olga");
        assertRefusedOn(patch("/api/v1/users/" + olga.id(), "{\"email\": \"olga\\u202e@example.com\"}"),
                "email.invalid", "email");
        assertThat(api.get("/api/v1/users/" + olga.id(), secret).json().get("email").asString())
                .isEqualTo(olga.email());
    }

    @Test
    void disablesEnablesEndsSessionsAndSendsAResetLink() {
        Person dora = registrations.registerVerified("Dora");
        Visitor browser = new Visitor(port);
        assertThat(browser.login(dora.email(), dora.password()).status()).isEqualTo(200);

        ApiClient.Response ended = api.post("/api/v1/users/" + dora.id() + "/end-sessions", secret, null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("ended").asInt()).isEqualTo(1);

        ApiClient.Response disabled = api.post("/api/v1/users/" + dora.id() + "/disable", secret, null);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/users/" + dora.id() + "/disable", secret, null).status()).isEqualTo(200);
        ApiClient.Response enabled = api.post("/api/v1/users/" + dora.id() + "/enable", secret, null);
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'admin.user.disabled' AND user_id = ?")
                .param(dora.id()).query(String.class).list()).containsExactly("API_KEY");

        assertThat(api.post("/api/v1/users/" + dora.id() + "/password-reset", secret, null).status()).isEqualTo(202);
        assertThat(Mailbox.link(mailbox.awaitSubject(dora.email(), "Reset your"), "/password/reset"))
                .contains("token=");

        for (String action : new String[] {"disable", "enable", "end-sessions", "password-reset"}) {
            assertProblem(api.post("/api/v1/users/999999999/" + action, secret, null), 404, "not-found");
            assertProblem(api.post("/api/v1/users/" + dora.id() + "/" + action, credentials.keySecret("users:read"),
                    null), 403, "missing-scope");
        }
    }

    @Test
    void deletesOnlyAUserInNoAccount() {
        Person member = registrations.registerVerified("Member");
        String loneId = api.post("/api/v1/users", secret, "{\"email\": \"" + Registrations.uniqueEmail("lone")
                + "\", \"firstName\": \"Lone\", \"lastName\": \"Ly\"}").json().get("id").asString();

        assertProblem(api.delete("/api/v1/users/" + member.id(), secret), 409, "conflict");
        assertThat(api.get("/api/v1/users/" + member.id(), secret).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/users/" + loneId, secret).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/users/" + loneId, secret), 404, "not-found");
        assertProblem(api.delete("/api/v1/users/" + loneId, secret), 404, "not-found");
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'admin.user.deleted' AND user_id = ?")
                .param(Long.parseLong(loneId)).query(String.class).list()).containsExactly("API_KEY");
    }

    @Test
    void aPersonalTokenNeverReachesTheUsersDirectory() {
        Person owner = registrations.registerVerified("Tomas");
        long account = registrations.accountOf(owner);
        String token = credentials.tokenSecret(owner.id(), account, "users", "profile");

        assertProblem(api.get("/api/v1/users", token), 403, "missing-scope");
        assertProblem(api.get("/api/v1/users/" + owner.id(), token), 403, "missing-scope");
        assertProblem(patch("/api/v1/users/" + owner.id(), token, "{\"firstName\": \"T\"}"), 403, "missing-scope");
        assertProblem(api.post("/api/v1/users/" + owner.id() + "/disable", token, null), 403, "missing-scope");
        assertProblem(api.delete("/api/v1/users/" + owner.id(), token), 403, "missing-scope");
    }

    private ApiClient.Response patch(String path, String json) {
        return patch(path, secret, json);
    }

    private ApiClient.Response patch(String path, String credential, String json) {
        return api.send("PATCH", path, headers(credential), json);
    }

    private static Map<String, String> headers(String credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + credential);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    static List<String> fields(ApiClient.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:roster:problem:" + type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
