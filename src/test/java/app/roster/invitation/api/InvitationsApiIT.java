package app.roster.invitation.api;

import static app.roster.api.RuleRefusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.membership.AccountAccess;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invitation endpoints over real HTTP and real SMTP: sending under rules 3, 6 and 7, an idempotent retry (one
 * invitation, one email), a platform's own delivery (a working link in the answer, once, never stored), the list by
 * status a page at a time, one invitation with its ETag, resend, cancel and edit under If-Match.
 */
@IntegrationTest
class InvitationsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    AccountAccess access;

    ApiClient api;
    Rows rows;
    Person owner;
    long account;
    long manager;
    String managerToken;

    @BeforeEach
    void account() {
        api = new ApiClient(port);
        rows = new Rows(jdbc);
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        manager = rows.user("manager", "Mona", "Manager");
        rows.member(account, manager, "users,invoices,tickets");
        managerToken = credentials.tokenSecret(manager, account, "users", "invoices");
    }

    /**
     * An address with a bidi or zero-width character, or a domain that is none, reaches no use case: the shell's
     * resolver answers {@code InvalidEmailAddressException} with 422 on {@code email}. A permission the catalogue
     * does not have ({@code PermissionCatalogue.UnknownPermission}) is 422 on {@code permissions}, on a new
     * invitation and on an edit, and changes nothing.
     */
    @Test
    void anAddressThatIsNoneAndAnUnknownPermissionAre422OnTheirField() {
        String key = credentials.keySecret("invitations:read", "invitations:write");
        for (String address : new String[] {"ana\\u202e@example.com", "ana\\u200b@example.com",
                "ana@exa_mple.com", "ana@-example.com", "ana@example..com"}) {
            ApiClient.Response refused = api.post(invitations(), key, invite(address, ""));
            assertRefusedOn(refused, "email.invalid", "email");
            assertThat(refused.json().get("detail").asString()).isEqualTo("Please enter a valid email address.");
        }
        String email = Registrations.uniqueEmail("nosuch");
        assertRefusedOn(api.post(invitations(), key, invite(email, "\"invoices\", \"nosuch\"")),
                "api.member.unknownPermission", "permissions");
        assertThat(invitationsTo(email)).isZero();

        String pending = api.post(invitations(), key, invite(email, "\"invoices\"")).header("Location");
        assertRefusedOn(patch(pending, key, "\"0\"", "{\"permissions\":[\"nosuch\"]}"),
                "api.member.unknownPermission", "permissions");
        ApiClient.Response unchanged = api.get(pending, key);
        assertThat(unchanged.header("ETag")).isEqualTo("\"0\"");
        assertThat(unchanged.json().get("permissions").get(0).asString()).isEqualTo("invoices");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isOne();
    }

    private String invitations() {
        return "/api/v1/accounts/" + account + "/invitations";
    }

    private static String invite(String email, String permissions) {
        return "{\"email\":\"" + email + "\",\"permissions\":[" + permissions + "]}";
    }

    private ApiClient.Response post(String path, String credential, String json, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + credential);
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey);
        return api.send("POST", path, headers, json);
    }

    private ApiClient.Response patch(String path, String credential, String ifMatch, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + credential);
        headers.put("Content-Type", "application/json");
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return api.send("PATCH", path, headers, json);
    }

    private int invitationsTo(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ? AND email = ?").params(account, email)
                .query(Integer.class).single();
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void aManagersTokenInvitesAndTheLinkArrivesByEmail() {
        String email = Registrations.uniqueEmail("ida");

        ApiClient.Response sent = api.post(invitations(), managerToken, invite(email, "\"invoices\""));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().get("id").asString();
        assertThat(sent.header("Location")).isEqualTo(invitations() + "/" + id);
        assertThat(sent.header("ETag")).isEqualTo("\"0\"");
        assertThat(sent.json().get("status").asString()).isEqualTo("pending");
        assertThat(sent.json().get("invitedByUserId").asString()).isEqualTo(String.valueOf(manager));
        assertThat(sent.json().has("acceptUrl")).isFalse();
        assertThat(sent.json().get("expiresAt").asString()).endsWith("Z");
        MimeMessage message = Mailbox.shared().awaitMessage(email, 1);
        assertThat(Mailbox.link(message, "/invitations/accept")).contains("token=");

        ApiClient.Response read = api.get(sent.header("Location"), managerToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("email").asString()).isEqualTo(email);
        assertThat(read.body()).doesNotContain("token");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndSendsNothingAgain() {
        String email = Registrations.uniqueEmail("ivy");
        String body = invite(email, "\"invoices\"");

        ApiClient.Response first = post(invitations(), managerToken, body, "invite-" + email);
        ApiClient.Response retry = post(invitations(), managerToken, body, "invite-" + email);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(invitationsTo(email)).isEqualTo(1);
        Mailbox.shared().awaitMessage(email, 1);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.shared().messagesTo(email).size() == 1);
        assertProblem(api.post(invitations(), managerToken, body), 409, "urn:roster:problem:conflict");
    }

    @Test
    void aKeyDeliversTheLinkItselfOnceAndTheLinkWorks() {
        String email = Registrations.uniqueEmail("una");
        String key = credentials.keySecret("invitations:read", "invitations:write");
        String body = "{\"email\":\"" + email + "\",\"permissions\":[\"invoices\"],\"delivery\":\"none\"}";

        ApiClient.Response sent = post(invitations(), key, body, "own-" + email);

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String acceptUrl = sent.json().get("acceptUrl").asString();
        assertThat(acceptUrl).contains("/invitations/accept?token=");
        String token = acceptUrl.substring(acceptUrl.indexOf("token=") + 6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE token_hash = ?").param(token)
                .query(Integer.class).single()).as("only the hash is stored").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys").query(Integer.class).single()).isPositive();
        List<byte[]> kept = jdbc.sql("SELECT body FROM idempotency_keys WHERE body IS NOT NULL")
                .query(byte[].class).list();
        assertThat(kept).allSatisfy(stored -> assertThat(new String(stored)).doesNotContain(token));
        ApiClient.Response retry = post(invitations(), key, body, "own-" + email);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(sent.json().get("id"));
        assertThat(retry.json().has("acceptUrl")).as("shown once").isFalse();
        assertThat(invitationsTo(email)).isEqualTo(1);

        Visitor invitee = new Visitor(port);
        Visitor.Page page = invitee.open(acceptUrl);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("You have been given access").doesNotContain("expired");
        Person una = registrations.registerVerified("Una");
        invitee.login(una.email(), una.password());
        invitee.get("/invitations/accept");
        assertThat(invitee.post("/invitations/accept", Map.of()).status()).isEqualTo(302);
        assertThat(access.may(una.id(), account, "invoices")).isTrue();
        assertThat(Mailbox.shared().messagesTo(email)).as("no email").isEmpty();
    }

    @Test
    void aTokenMayNotAskForItsOwnDeliveryNorGrantWhatItLacks() {
        String email = Registrations.uniqueEmail("tom");
        ApiClient.Response own = api.post(invitations(), managerToken,
                "{\"email\":\"" + email + "\",\"permissions\":[\"invoices\"],\"delivery\":\"none\"}");
        assertProblem(own, 403, "urn:roster:problem:forbidden");
        assertThat(own.body()).doesNotContain("token=");

        assertProblem(api.post(invitations(), managerToken, invite(email, "\"tickets\"")), 403,
                "urn:roster:problem:forbidden");
        assertProblem(api.post(invitations(), managerToken, invite(email, "\"profile\"")), 403,
                "urn:roster:problem:forbidden");
        assertThat(invitationsTo(email)).isZero();
    }

    @Test
    void everyRuleOfInviteNewUserHolds() {
        String key = credentials.keySecret("invitations:read", "invitations:write");
        Person member = registrations.registerVerified("Mia");
        rows.member(account, member.id(), "");
        String pending = Registrations.uniqueEmail("pat");
        assertThat(api.post(invitations(), key, invite(pending, "")).status()).isEqualTo(201);

        assertProblem(api.post(invitations(), key, invite(member.email(), "")), 409, "urn:roster:problem:conflict");
        ApiClient.Response again = api.post(invitations(), key, invite(pending, ""));
        assertProblem(again, 409, "urn:roster:problem:conflict");
        assertThat(again.json().get("code").asString()).isEqualTo("invitation.refused.pending");
        ApiClient.Response notAnAddress = api.post(invitations(), key, invite("not an address", ""));
        assertProblem(notAnAddress, 422, "urn:roster:problem:rule-refused");
        assertThat(notAnAddress.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertProblem(api.post(invitations(), key, invite(Registrations.uniqueEmail("x"), "\"nonsense\"")), 422,
                "urn:roster:problem:rule-refused");
        assertProblem(api.post(invitations(), key, "{\"email\":\"a@example.com\",\"permissions\":[],\"cc\":\"b\"}"),
                400, "urn:roster:problem:unknown-field");
        assertProblem(api.post(invitations(), key, "{\"email\":\"a@example.com\",\"permissions\":[],\"delivery\":\"fax\"}"),
                400, "urn:roster:problem:validation");
        jdbc.sql("INSERT INTO account_allowed_domains (account_id, domain) VALUES (?, 'example.org')").param(account)
                .update();
        ApiClient.Response outside = api.post(invitations(), key, invite(Registrations.uniqueEmail("out"), ""));
        assertProblem(outside, 422, "urn:roster:problem:rule-refused");
        assertThat(outside.json().get("detail").asString()).contains("example.org");
        assertProblem(api.post("/api/v1/accounts/999999999/invitations", key, invite("a@example.org", "")), 404,
                "urn:roster:problem:not-found");
    }

    @Test
    void theListFiltersByStatusAPageAtATimeAndAnotherAccountsIdsAreMissing() {
        Instant later = Instant.now().plus(Duration.ofDays(3));
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(rows.invitation(account, "PENDING", later, manager));
        }
        long overdue = rows.invitation(account, "PENDING", Instant.now().minusSeconds(60), manager);
        long accepted = rows.invitation(account, "ACCEPTED", later, null);
        long cancelled = rows.invitation(account, "CANCELLED", later, null);
        Person stranger = registrations.registerVerified("Sven");
        long elsewhere = registrations.accountOf(stranger);
        long foreign = rows.invitation(elsewhere, "PENDING", later, null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get(invitations() + "?status=pending&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), managerToken);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("status").asString()).isEqualTo("pending");
                seen.add(item.get("id").asString());
            });
            cursor = page.json().has("next") ? page.json().get("next").asString() : null;
            if (cursor != null) {
                rows.invitation(account, "PENDING", later, manager);
            }
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(open.stream().map(String::valueOf).toList());

        ApiClient.Response ended = api.get(invitations() + "?status=expired,accepted&status=cancelled", managerToken);
        assertThat(ended.json().get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(String.valueOf(cancelled), String.valueOf(accepted), String.valueOf(overdue));
        assertProblem(api.get(invitations() + "?status=lost", managerToken), 422, "urn:roster:problem:rule-refused");

        ApiClient.Response other = api.get(invitations() + "/" + foreign, managerToken);
        ApiClient.Response missing = api.get(invitations() + "/999999999", managerToken);
        assertProblem(other, 404, "urn:roster:problem:not-found");
        assertThat(other.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(other.json().get("code")).isEqualTo(missing.json().get("code"));
        assertProblem(api.get("/api/v1/accounts/" + elsewhere + "/invitations", managerToken), 404,
                "urn:roster:problem:not-found");
        assertProblem(api.delete(invitations() + "/" + foreign, managerToken), 404, "urn:roster:problem:not-found");
        assertProblem(patch(invitations() + "/" + foreign, managerToken, "\"0\"", "{\"permissions\":[]}"), 404,
                "urn:roster:problem:not-found");
    }

    @Test
    void editNeedsIfMatchAndResendAndCancelFollowTheLifecycle() {
        String email = Registrations.uniqueEmail("eve");
        ApiClient.Response sent = api.post(invitations(), managerToken, invite(email, "\"invoices\""));
        String path = sent.header("Location");
        Mailbox.shared().awaitMessage(email, 1);

        assertProblem(patch(path, managerToken, null, "{\"permissions\":[]}"), 428,
                "urn:roster:problem:precondition-required");
        ApiClient.Response edited = patch(path, managerToken, "\"0\"", "{\"permissions\":[]}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
        assertThat(edited.json().get("permissions")).isEmpty();
        assertProblem(patch(path, managerToken, "\"0\"", "{\"permissions\":[\"invoices\"]}"), 412,
                "urn:roster:problem:precondition-failed");
        assertProblem(patch(path, managerToken, "\"1\"", "{\"permissions\":[\"tickets\"]}"), 403,
                "urn:roster:problem:forbidden");

        ApiClient.Response resent = api.post(path + "/resend", managerToken, null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        MimeMessage second = Mailbox.shared().awaitMessage(email, 2);
        assertThat(Mailbox.link(second, "/invitations/accept"))
                .isNotEqualTo(Mailbox.link(Mailbox.shared().messagesTo(email).getFirst(), "/invitations/accept"));

        assertThat(api.delete(path, managerToken).status()).isEqualTo(204);
        assertThat(api.get(path, managerToken).json().get("status").asString()).isEqualTo("cancelled");
        assertProblem(api.delete(path, managerToken), 409, "urn:roster:problem:conflict");
        assertProblem(api.post(path + "/resend", managerToken, null), 409, "urn:roster:problem:conflict");
        assertProblem(patch(path, managerToken, "\"1\"", "{\"permissions\":[]}"), 409, "urn:roster:problem:conflict");
    }
}
