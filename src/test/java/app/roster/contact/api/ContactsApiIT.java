package app.roster.contact.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.contact.ConfirmContact;
import app.roster.credential.IssuedSecret;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The contacts endpoints over real HTTP: every route's success and refusals, the tenant wall (another account's
 * contact id answers exactly like a missing one), scopes, keyset pages, a retried POST under one Idempotency-Key,
 * and the recipients list following subscriptions and confirmation.
 */
@IntegrationTest
class ContactsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    ConfirmContact confirmContact;

    ApiClient api;
    Mailbox mailbox = Mailbox.shared();
    Person olga;
    long account;
    long other;
    String token;

    @BeforeEach
    void twoAccounts() {
        api = new ApiClient(port);
        olga = registrations.registerVerified("Olga");
        account = registrations.accountOf(olga);
        other = registrations.accountOf(registrations.registerVerified("Bruno"));
        token = credentials.tokenSecret(olga.id(), account, "contacts");
    }

    String contacts(long accountId) {
        return "/api/v1/accounts/" + accountId + "/contacts";
    }

    static String body(String firstName, String email, String... subscriptions) {
        return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Tester\",\"email\":\"" + email
                + "\",\"subscriptions\":[" + String.join(",", java.util.Arrays.stream(subscriptions)
                .map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    ApiClient.Response send(String method, String path, String credential, String json, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + credential);
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return api.send(method, path, all, json);
    }

    long add(long accountId, String credential, String firstName, String email, String... subscriptions) {
        ApiClient.Response created = api.post(contacts(accountId), credential, body(firstName, email, subscriptions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.json().get("id").asString());
    }

    static String email(String name) {
        return Registrations.uniqueEmail(name);
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:roster:problem:" + type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    static JsonNode withoutInstance(ApiClient.Response response) {
        ObjectNode copy = ((ObjectNode) response.json()).deepCopy();
        copy.remove("instance");
        return copy;
    }

    @Test
    void aContactIsCreatedWithLocationAConfirmationEmailAndAnAuditRow() {
        String address = email("cora");
        ApiClient.Response created = send("POST", contacts(account), token, body("Cora", address, "general", "invoices"),
                "Accept-Language", "fr");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(contacts(account) + "/" + id);
        assertThat(created.json().get("accountId").asString()).isEqualTo(String.valueOf(account));
        assertThat(created.json().get("email").asString()).isEqualTo(address);
        assertThat(created.json().get("emailConfirmed").asBoolean()).isFalse();
        assertThat(created.json().get("subscriptions").toString()).isEqualTo("[\"general\",\"invoice\"]");
        assertThat(created.json().get("createdAt").asString()).endsWith("Z");
        assertThat(Mailbox.link(mailbox.awaitMessage(address, 1), "/contacts/confirm")).contains("token=");

        ApiClient.Response read = api.get(created.header("Location"), token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, account_id FROM audit_events WHERE action = 'contact.added' AND details LIKE ?""")
                .param("%" + address + "%").query().singleRow();
        assertThat(audit).containsEntry("actor_type", "TOKEN").containsEntry("account_id", account);
    }

    @Test
    void aRetriedPostUnderOneIdempotencyKeyCreatesOneContactAndSendsOneEmail() {
        String address = email("retry");
        String key = UUID.randomUUID().toString();
        ApiClient.Response first = send("POST", contacts(account), token, body("Rita", address), "Idempotency-Key", key);
        ApiClient.Response retry = send("POST", contacts(account), token, body("Rita", address), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contacts WHERE email = ?").param(address).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(address).query(Long.class).single())
                .isEqualTo(1);
        mailbox.awaitMessage(address, 1);
        assertThat(mailbox.messagesTo(address)).hasSize(1);

        ApiClient.Response without = api.post(contacts(account), token, body("Rita", address));
        assertProblem(without, 422, "rule-refused");
        assertThat(without.json().get("code").asString()).isEqualTo("contact.error.duplicate");
        assertThat(without.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiClient.Response missing = api.post(contacts(account), token, "{\"lastName\":\"T\",\"email\":\"a@example.com\"}");
        assertProblem(missing, 400, "validation");
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("firstName");

        ApiClient.Response unknown = api.post(contacts(account), token,
                "{\"firstName\":\"A\",\"lastName\":\"T\",\"email\":\"a@example.com\",\"isAdmin\":true}");
        assertProblem(unknown, 400, "unknown-field");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("isAdmin");

        ApiClient.Response category = api.post(contacts(account), token, body("A", email("a"), "newsletters"));
        assertProblem(category, 400, "validation");
        assertThat(category.json().get("errors").get(0).get("detail").asString()).contains("invoice", "affiliate");

        ApiClient.Response address = api.post(contacts(account), token, body("A", "not an address"));
        assertProblem(address, 422, "rule-refused");
        assertThat(address.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        ApiClient.Response country = api.post(contacts(account), token,
                "{\"firstName\":\"A\",\"lastName\":\"T\",\"email\":\"" + email("c") + "\",\"country\":\"1X\"}");
        assertProblem(country, 422, "rule-refused");
        assertThat(country.json().get("errors").get(0).get("field").asString()).isEqualTo("country");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contacts WHERE account_id = ?").param(account).query(Long.class)
                .single()).isZero();
    }

    @Test
    void patchChangesOnlyWhatItNamesAndPutReplacesEverything() {
        String address = email("pat");
        long id = add(account, token, "Pat", address, "general");
        String path = contacts(account) + "/" + id;
        markConfirmed(id);

        ApiClient.Response patched = send("PATCH", path, token, "{\"city\":\"Lyon\",\"subscriptions\":[\"support\"]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("firstName").asString()).isEqualTo("Pat");
        assertThat(patched.json().get("city").asString()).isEqualTo("Lyon");
        assertThat(patched.json().get("subscriptions").toString()).isEqualTo("[\"support\"]");
        assertThat(patched.json().get("emailConfirmed").asBoolean()).as("same address").isTrue();

        String moved = email("pat2");
        ApiClient.Response readdressed = send("PATCH", path, token, "{\"email\":\"" + moved + "\",\"city\":\"\"}");
        assertThat(readdressed.json().get("email").asString()).isEqualTo(moved);
        assertThat(readdressed.json().get("city").isNull()).isTrue();
        assertThat(readdressed.json().get("emailConfirmed").asBoolean()).isFalse();
        mailbox.awaitMessage(moved, 1);

        ApiClient.Response replaced = send("PUT", path, token, body("Patricia", moved));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("firstName").asString()).isEqualTo("Patricia");
        assertThat(replaced.json().get("subscriptions").size()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'contact.changed' AND account_id = ?")
                .param(account).query(Long.class).single()).isEqualTo(3);

        assertProblem(send("PUT", path, token, "{\"firstName\":\"X\"}"), 400, "validation");
        assertProblem(send("PATCH", path, token, "{\"firstName\":\"\"}"), 422, "rule-refused");
        assertProblem(send("PATCH", path, token, "{\"nickname\":\"X\"}"), 400, "unknown-field");
    }

    @Test
    void deleteAnswers204AndTheContactIsGone() {
        long id = add(account, token, "Del", email("del"));
        String path = contacts(account) + "/" + id;

        assertThat(api.delete(path, token).status()).isEqualTo(204);
        assertProblem(api.get(path, token), 404, "not-found");
        assertProblem(api.delete(path, token), 404, "not-found");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'contact.deleted' AND account_id = ?")
                .param(account).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void resendSendsANewLinkToAnUnconfirmedContactAndRefusesAConfirmedOne() {
        String address = email("res");
        long id = add(account, token, "Res", address);
        String path = contacts(account) + "/" + id + "/resend-confirmation";
        mailbox.awaitMessage(address, 1);

        ApiClient.Response resent = send("POST", path, token, null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        mailbox.awaitMessage(address, 2);

        markConfirmed(id);
        ApiClient.Response confirmed = send("POST", path, token, null);
        assertProblem(confirmed, 409, "conflict");
        assertThat(confirmed.json().get("code").asString()).isEqualTo("contact.api.alreadyConfirmed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(address).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void anotherAccountsContactAnswersExactlyLikeAMissingOne() {
        String key = credentials.keySecret("contacts:read", "contacts:write");
        long theirs = add(other, key, "Bea", email("bea"));
        long missing = theirs + 1_000_000;

        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
            String json = method.startsWith("P") ? body("Eve", email("eve")) : null;
            ApiClient.Response foreign = send(method, contacts(account) + "/" + theirs, token, json);
            ApiClient.Response absent = send(method, contacts(account) + "/" + missing, token, json);
            assertProblem(foreign, 404, "not-found");
            assertThat(withoutInstance(foreign)).as(method).isEqualTo(withoutInstance(absent));
        }
        ApiClient.Response resend = send("POST", contacts(account) + "/" + theirs + "/resend-confirmation", token, null);
        assertThat(withoutInstance(resend)).isEqualTo(withoutInstance(
                send("POST", contacts(account) + "/" + missing + "/resend-confirmation", token, null)));
        ApiClient.Response theirList = api.get(contacts(other), token);
        assertProblem(theirList, 404, "not-found");
        assertThat(withoutInstance(theirList)).isEqualTo(withoutInstance(api.get(contacts(999_999_999L), token)));
        assertProblem(api.post(contacts(other), token, body("Eve", email("eve"))), 404, "not-found");
        assertThat(api.get(contacts(other) + "/" + theirs, key).json().get("firstName").asString()).isEqualTo("Bea");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contacts WHERE id = ?").param(theirs).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPlatformKeyReachesEveryAccountThatExistsAndNeedsTheScopes() {
        String reader = credentials.keySecret("contacts:read");
        String writer = credentials.keySecret("contacts:read", "contacts:write");

        long id = add(other, writer, "Kay", email("kay"));
        assertThat(api.get(contacts(other) + "/" + id, reader).status()).isEqualTo(200);
        assertProblem(api.post(contacts(other), reader, body("No", email("no"))), 403, "missing-scope");
        assertProblem(api.get(contacts(other), credentials.keySecret("members:read")), 403, "missing-scope");
        assertProblem(api.get(contacts(999_999_999L), reader), 404, "not-found");
        assertProblem(api.post(contacts(999_999_999L), writer, body("No", email("no"))), 404, "not-found");
        assertProblem(api.get(contacts(other) + "/abc", reader), 404, "not-found");
    }

    @Test
    void aTokenWithoutTheContactsPermissionIsRefusedEverywhere() {
        String invoicesOnly = credentials.tokenSecret(olga.id(), account, "invoices");
        long id = add(account, token, "Nia", email("nia"));
        String one = contacts(account) + "/" + id;

        assertProblem(api.get(contacts(account), invoicesOnly), 403, "missing-scope");
        assertProblem(api.get(one, invoicesOnly), 403, "missing-scope");
        assertProblem(api.post(contacts(account), invoicesOnly, body("No", email("no"))), 403, "missing-scope");
        assertProblem(send("PATCH", one, invoicesOnly, "{\"city\":\"X\"}"), 403, "missing-scope");
        assertProblem(send("PUT", one, invoicesOnly, body("No", email("no"))), 403, "missing-scope");
        assertProblem(api.delete(one, invoicesOnly), 403, "missing-scope");
        assertProblem(send("POST", one + "/resend-confirmation", invoicesOnly, null), 403, "missing-scope");
        assertProblem(api.get("/api/v1/accounts/" + account + "/recipients?category=general", invoicesOnly), 403,
                "missing-scope");
        assertThat(api.get(one, token).json().get("city").isNull()).isTrue();
    }

    @Test
    void theListWalksEveryContactOncePageByPage() {
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(add(account, token, "Page" + i, email("page" + i)));
        }
        add(other, credentials.keySecret("contacts:write"), "Elsewhere", email("else"));

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get(contacts(account) + "?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(Long.parseLong(item.get("id").asString())));
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(added);
        assertThat(api.get(contacts(account), token).json().get("items").size()).isEqualTo(5);
        ApiClient.Response tampered = api.get(contacts(account) + "?cursor=AAAA", token);
        assertProblem(tampered, 422, "rule-refused");
        assertThat(tampered.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        ApiClient.Response tooMany = api.get(contacts(account) + "?limit=201", token);
        assertProblem(tooMany, 422, "rule-refused");
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertProblem(api.get(contacts(account) + "?limit=many", token), 400, "invalid-request");
    }

    @Test
    void recipientsFollowSubscriptionAndConfirmation() {
        String recipients = "/api/v1/accounts/" + account + "/recipients?category=";
        String address = email("inv");
        long id = add(account, token, "Ivy", address, "invoice");
        add(account, token, "Sol", email("sol"), "support");

        ApiClient.Response before = api.get(recipients + "invoices", token);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("category").asString()).isEqualTo("invoice");
        assertThat(before.json().get("recipients").findValuesAsString("email")).containsExactly(olga.email());
        assertThat(before.json().get("recipients").get(0).get("kind").asString()).isEqualTo("owner");

        String link = Mailbox.link(mailbox.awaitMessage(address, 1), "/contacts/confirm");
        assertThat(confirmContact.confirm(URLDecoder.decode(link.substring(link.indexOf("token=") + 6),
                StandardCharsets.UTF_8))).isTrue();
        ApiClient.Response confirmed = api.get(recipients + "invoice", token);
        assertThat(confirmed.json().get("recipients").findValuesAsString("email")).containsExactly(olga.email(), address);
        assertThat(confirmed.json().get("recipients").get(1).get("contactId").asString()).isEqualTo(String.valueOf(id));
        assertThat(api.get(recipients + "support", token).json().get("recipients").size()).as("unconfirmed").isEqualTo(1);

        send("PATCH", contacts(account) + "/" + id, token, "{\"subscriptions\":[\"domains\"]}");
        assertThat(api.get(recipients + "invoice", token).json().get("recipients").findValuesAsString("email"))
                .containsExactly(olga.email());
        assertThat(api.get(recipients + "domain", token).json().get("recipients").size()).isEqualTo(2);

        ApiClient.Response unknown = api.get(recipients + "newsletter", token);
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(unknown.json().get("errors").get(0).get("detail").asString())
                .contains("general", "invoice", "support", "product", "domain", "affiliate");
        assertProblem(api.get("/api/v1/accounts/" + account + "/recipients", token), 400, "validation");
        ApiClient.Response foreign = api.get("/api/v1/accounts/" + other + "/recipients?category=general", token);
        assertProblem(foreign, 404, "not-found");
        assertThat(api.get("/api/v1/accounts/" + other + "/recipients?category=general",
                credentials.keySecret("contacts:read")).json().get("recipients").size()).isEqualTo(1);
    }

    private void markConfirmed(long id) {
        jdbc.sql("UPDATE contacts SET email_confirmed = TRUE, confirmation_token_hash = NULL WHERE id = ?").param(id)
                .update();
    }
}
