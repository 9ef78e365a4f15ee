package app.roster.membership.api;

import static app.roster.api.RuleRefusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.membership.AccountAccess;
import app.roster.membership.PermissionCatalogue;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.TestCredentials;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The members endpoints over real HTTP: the list a page at a time while users join, one member with its ETag,
 * permission changes under If-Match (428, 412) and rules 1–3 for a personal token, removal, leaving, ownership and
 * adding an existing user; another account's ids answer like missing ones.
 */
@IntegrationTest
class MembersApiIT {

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
    @Autowired
    PermissionCatalogue catalogue;

    ApiClient api;
    Rows rows;

    Person owner;
    long account;
    long manager;
    long clerk;

    @BeforeEach
    void account() {
        api = new ApiClient(port);
        rows = new Rows(jdbc);
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        manager = rows.user("manager", "Mona", "Manager");
        rows.member(account, manager, "users,invoices,tickets");
        clerk = rows.user("clerk", "Carl", "Clerk");
        rows.member(account, clerk, "invoices");
    }

    private String members() {
        return "/api/v1/accounts/" + account + "/members";
    }

    private String member(long userId) {
        return members() + "/" + userId;
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

    private ApiClient.Response delete(String path, String credential, String ifMatch) {
        return api.send("DELETE", path, Map.of("Authorization", "Bearer " + credential, "If-Match", ifMatch), null);
    }

    private Set<String> stored(long userId) {
        String permissions = jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, userId).query(String.class).single();
        return permissions.isBlank() ? Set.of() : Set.of(permissions.split(","));
    }

    private boolean isMember(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, userId).query(Integer.class).single() == 1;
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    /** The same body but for the path it names. */
    static void assertSameProblem(ApiClient.Response one, ApiClient.Response other) {
        assertThat(one.status()).isEqualTo(other.status());
        for (String field : List.of("type", "title", "status", "detail", "code")) {
            assertThat(one.json().get(field)).as(field).isEqualTo(other.json().get(field));
        }
        assertThat(one.json().has("errors")).isEqualTo(other.json().has("errors"));
    }

    @Test
    void theListWalksEveryMemberOnceWhileUsersJoinBetweenPages() {
        List<Long> before = new ArrayList<>(List.of(owner.id(), manager, clerk));
        for (int i = 0; i < 5; i++) {
            long user = rows.user("walker", "Walt", "Walker" + i);
            rows.member(account, user, "");
            before.add(user);
        }
        String key = credentials.keySecret("members:read");
        List<String> seen = new ArrayList<>();
        List<Long> joined = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get(members() + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), key);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("userId").asString()));
            cursor = page.json().has("next") ? page.json().get("next").asString() : null;
            if (cursor != null) {
                long newcomer = rows.user("newcomer", "Nina", "New" + pages);
                rows.member(account, newcomer, "");
                joined.add(newcomer);
            }
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(new HashSet<>(seen)).as("none repeated").hasSize(seen.size());
        assertThat(seen).as("none skipped").containsAll(before.stream().map(String::valueOf).toList());
        assertThat(seen.stream().map(Long::valueOf).toList()).as("by user id").isSorted();
        assertThat(joined).isNotEmpty();
        JsonNode first = api.get(members() + "?limit=1", key).json().get("items").get(0);
        assertThat(first.get("owner").asBoolean()).isTrue();
        assertThat(first.get("email").asString()).isEqualTo(owner.email());
        assertThat(first.get("etag").asString()).isEqualTo("\"0\"");
        assertThat(first.get("joinedAt").asString()).endsWith("Z");
        assertThat(first.get("permissions")).hasSizeGreaterThan(10);
    }

    @Test
    void theListSearchesByPrefixAndRefusesBadLimitsAndCursors() {
        String key = credentials.keySecret("members:read");

        ApiClient.Response found = api.get(members() + "?search=CARL", key);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().get("items").get(0).get("userId").asString()).isEqualTo(String.valueOf(clerk));
        assertThat(found.json().has("next")).isFalse();

        assertProblem(api.get(members() + "?limit=201", key), 400, "urn:roster:problem:validation");
        assertProblem(api.get(members() + "?limit=0", key), 400, "urn:roster:problem:validation");
        ApiClient.Response cursor = api.get(members() + "?cursor=bm9wZQ", key);
        assertProblem(cursor, 422, "urn:roster:problem:rule-refused");
        assertThat(cursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void aTokenListsOnlyItsOwnAccountAndOnlyWithUsers() {
        Person stranger = registrations.registerVerified("Sven");
        long elsewhere = registrations.accountOf(stranger);
        String managerToken = credentials.tokenSecret(manager, account, "users");
        String clerkToken = credentials.tokenSecret(clerk, account, "invoices");

        assertThat(api.get(members(), managerToken).status()).isEqualTo(200);
        assertProblem(api.get(members(), clerkToken), 403, "urn:roster:problem:forbidden");
        ApiClient.Response foreign = api.get("/api/v1/accounts/" + elsewhere + "/members", managerToken);
        ApiClient.Response missing = api.get("/api/v1/accounts/999999999/members", managerToken);
        assertProblem(foreign, 404, "urn:roster:problem:not-found");
        assertSameProblem(foreign, missing);
        ApiClient.Response foreignMember = api.get("/api/v1/accounts/" + elsewhere + "/members/" + stranger.id(),
                managerToken);
        assertSameProblem(foreignMember, api.get(member(999999999), managerToken));
        assertProblem(api.get("/api/v1/accounts/999999999/members", credentials.keySecret("members:read")), 404,
                "urn:roster:problem:not-found");
    }

    @Test
    void aMemberCarriesAnETagAndAChangeNeedsIfMatch() {
        String key = credentials.keySecret("members:read", "members:write");
        ApiClient.Response read = api.get(member(clerk), key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        assertProblem(patch(member(clerk), key, null, "{\"permissions\":[\"tickets\"]}"), 428,
                "urn:roster:problem:precondition-required");
        assertProblem(patch(member(clerk), key, "*", "{\"permissions\":[\"tickets\"]}"), 428,
                "urn:roster:problem:precondition-required");
        ApiClient.Response changed = patch(member(clerk), key, "\"0\"", "{\"permissions\":[\"tickets\",\"quotes\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("permissions")).hasSize(2);
        assertThat(stored(clerk)).containsExactlyInAnyOrder("tickets", "quotes");

        ApiClient.Response stale = patch(member(clerk), key, "\"0\"", "{\"permissions\":[\"invoices\"]}");
        assertProblem(stale, 412, "urn:roster:problem:precondition-failed");
        assertProblem(patch(member(clerk), key, "W/\"1\"", "{\"permissions\":[\"invoices\"]}"), 412,
                "urn:roster:problem:precondition-failed");
        assertThat(stored(clerk)).containsExactlyInAnyOrder("tickets", "quotes");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'membership.permissions_changed' "
                + "AND account_id = ? AND user_id = ? AND actor_type = 'API_KEY'").params(account, clerk)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aChangeRefusesUnknownPermissionsAndFieldsAndTheOwner() {
        String key = credentials.keySecret("members:read", "members:write");

        assertRefusedOn(patch(member(clerk), key, "\"0\"", "{\"permissions\":[\"invoices\",\"nosuch\"]}"),
                "api.member.unknownPermission", "permissions");
        ApiClient.Response extra = patch(member(clerk), key, "\"0\"", "{\"permissions\":[],\"owner\":true}");
        assertProblem(extra, 400, "urn:roster:problem:unknown-field");
        assertProblem(patch(member(clerk), key, "\"0\"", "{}"), 400, "urn:roster:problem:validation");
        assertProblem(patch(member(owner.id()), key, "\"0\"", "{\"permissions\":[]}"), 403,
                "urn:roster:problem:forbidden");
        assertThat(stored(clerk)).containsExactly("invoices");
    }

    @Test
    void aManagersTokenChangesOnlyWhatBothItAndItsUserHold() {
        String token = credentials.tokenSecret(manager, account, "users", "invoices");

        ApiClient.Response lacksUser = patch(member(clerk), token, "\"0\"",
                "{\"permissions\":[\"invoices\",\"profile\"]}");
        assertProblem(lacksUser, 403, "urn:roster:problem:forbidden");
        assertThat(lacksUser.json().get("code").asString()).isEqualTo("membership.refused.notHeld");
        ApiClient.Response lacksToken = patch(member(clerk), token, "\"0\"",
                "{\"permissions\":[\"invoices\",\"tickets\"]}");
        assertProblem(lacksToken, 403, "urn:roster:problem:forbidden");
        assertThat(stored(clerk)).containsExactly("invoices");

        ApiClient.Response owner = patch(member(this.owner.id()), token, "\"0\"", "{\"permissions\":[]}");
        assertProblem(owner, 403, "urn:roster:problem:forbidden");
        assertThat(owner.json().get("code").asString()).isEqualTo("membership.refused.owner");
        ApiClient.Response self = patch(member(manager), token, "\"0\"", "{\"permissions\":[\"users\",\"invoices\"]}");
        assertProblem(self, 403, "urn:roster:problem:forbidden");

        ApiClient.Response within = patch(member(clerk), token, "\"0\"", "{\"permissions\":[]}");
        assertThat(within.status()).as(within.body()).isEqualTo(200);
        assertThat(stored(clerk)).isEmpty();
    }

    @Test
    void removingFollowsTheRulesAndAnOptionalIfMatch() {
        long senior = rows.user("senior", "Sam", "Senior");
        rows.member(account, senior, "invoices,profile");
        String token = credentials.tokenSecret(manager, account, "users", "invoices");
        String key = credentials.keySecret("members:read", "members:write");

        assertProblem(api.delete(member(senior), token), 403, "urn:roster:problem:forbidden");
        assertProblem(api.delete(member(owner.id()), token), 403, "urn:roster:problem:forbidden");
        assertProblem(api.delete(member(owner.id()), key), 403, "urn:roster:problem:forbidden");
        assertProblem(delete(member(senior), key, "\"7\""), 412, "urn:roster:problem:precondition-failed");
        assertThat(isMember(senior)).isTrue();

        assertThat(api.delete(member(clerk), token).status()).isEqualTo(204);
        assertThat(delete(member(senior), key, "\"0\"").status()).isEqualTo(204);
        assertThat(isMember(clerk)).isFalse();
        assertThat(isMember(senior)).isFalse();
        assertProblem(api.delete(member(clerk), key), 404, "urn:roster:problem:not-found");
    }

    @Test
    void aNonOwnersTokenLeavesButNeverTheOwnersNorAKey() {
        String managerToken = credentials.tokenSecret(manager, account, "users");
        String ownersPartialToken = credentials.tokenSecret(owner.id(), account, "users");
        String clerkToken = credentials.tokenSecret(clerk, account, "invoices");

        assertProblem(api.delete(members() + "/me", ownersPartialToken), 403, "urn:roster:problem:forbidden");
        assertThat(isMember(owner.id())).as("an owner's token with a few permissions is still the owner's").isTrue();
        assertProblem(api.delete(members() + "/me", credentials.keySecret("members:write")), 403,
                "urn:roster:problem:forbidden");
        assertProblem(api.delete(members() + "/me", clerkToken), 403, "urn:roster:problem:missing-scope");

        assertThat(api.delete(members() + "/me", managerToken).status()).isEqualTo(204);
        assertThat(isMember(manager)).isFalse();
        assertThat(api.get(members(), managerToken).status()).as("the token died with the membership")
                .isEqualTo(401);
    }

    @Test
    void onlyAPlatformKeyTransfersOwnership() {
        String ownersToken = credentials.tokenSecret(owner.id(), account, catalogue.everything().toArray(String[]::new));
        String key = credentials.keySecret("members:read", "members:write");
        String body = "{\"userId\":\"" + manager + "\"}";

        assertProblem(api.post("/api/v1/accounts/" + account + "/owner", ownersToken, body), 403,
                "urn:roster:problem:forbidden");
        ApiClient.Response moved = api.post("/api/v1/accounts/" + account + "/owner", key, body);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("owner").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(account).query(Long.class)
                .single()).isEqualTo(manager);
        assertProblem(api.post("/api/v1/accounts/" + account + "/owner", key, "{\"userId\":\"999999999\"}"), 404,
                "urn:roster:problem:not-found");
    }

    @Test
    void aKeyAddsAnExistingUserAtOnceOnceAndWithinTheAllowedDomains() {
        Person ida = registrations.registerVerified("Ida");
        String key = credentials.keySecret("members:read", "members:write");
        String body = "{\"userId\":\"" + ida.id() + "\",\"permissions\":[\"invoices\"]}";

        ApiClient.Response added = api.post(members(), key, body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(member(ida.id()));
        assertThat(added.json().get("permissions").get(0).asString()).isEqualTo("invoices");
        assertThat(access.may(ida.id(), account, "invoices")).isTrue();

        ApiClient.Response again = api.post(members(), key, body);
        assertProblem(again, 409, "urn:roster:problem:conflict");
        Person ivo = registrations.registerVerified("Ivo");
        assertRefusedOn(api.post(members(), key, "{\"userId\":\"" + ivo.id() + "\",\"permissions\":[\"nosuch\"]}"),
                "api.member.unknownPermission", "permissions");
        assertThat(isMember(ivo.id())).isFalse();
        jdbc.sql("INSERT INTO account_allowed_domains (account_id, domain) VALUES (?, 'example.org')").param(account)
                .update();
        assertProblem(api.post(members(), key, "{\"userId\":\"" + ivo.id() + "\",\"permissions\":[]}"), 422,
                "urn:roster:problem:rule-refused");
        assertProblem(api.post(members(), key, "{\"userId\":\"999999999\",\"permissions\":[]}"), 422,
                "urn:roster:problem:rule-refused");
        assertProblem(api.post("/api/v1/accounts/999999999/members", key, body), 404, "urn:roster:problem:not-found");
        assertProblem(api.post(members(), credentials.tokenSecret(manager, account, "users"),
                "{\"userId\":\"" + ivo.id() + "\",\"permissions\":[]}"), 403, "urn:roster:problem:forbidden");
        assertThat(isMember(ivo.id())).isFalse();
    }
}
