package app.roster.api;

import static app.roster.api.ApiAuthenticationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Tenants;
import app.roster.support.Tenants.Tenant;
import app.roster.support.TestCredentials;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/accounts/{id}/members/{userId}: the live permissions, for a platform key in every account and for a
 * personal token in its own account only, where another account's ids answer exactly like missing ones.
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
    Tenants tenants;

    ApiClient api;
    Person owner;
    long account;
    Person member;
    long otherAccount;
    Person otherOwner;

    @BeforeEach
    void accounts() {
        api = new ApiClient(port);
        Tenant tenant = tenants.withMember("invoices,tickets");
        owner = tenant.owner();
        account = tenant.account();
        member = tenant.member();
        otherOwner = tenant.stranger();
        otherAccount = tenant.strangersAccount();
    }

    @Test
    void aPlatformKeyReadsAnyMembersLivePermissions() {
        String key = credentials.keySecret("members:read");

        JsonNode max = api.get(path(account, member.id()), key).json();
        JsonNode olga = api.get(path(account, owner.id()), key).json();
        JsonNode else_ = api.get(path(otherAccount, otherOwner.id()), key).json();

        assertThat(max.get("accountId").asString()).isEqualTo(String.valueOf(account));
        assertThat(max.get("userId").asString()).isEqualTo(String.valueOf(member.id()));
        assertThat(max.get("owner").asBoolean()).isFalse();
        assertThat(strings(max.get("permissions"))).containsExactly("invoices", "tickets");
        assertThat(max.has("tokenPermissions")).isFalse();
        assertThat(olga.get("owner").asBoolean()).isTrue();
        assertThat(strings(olga.get("permissions"))).contains("profile", "users", "invoices").hasSize(14);
        assertThat(else_.get("owner").asBoolean()).isTrue();
    }

    @Test
    void notAMemberAClosedAccountOrAMissingIdAreThe404OfAMissingId() {
        String key = credentials.keySecret("members:read");
        jdbc.sql("UPDATE accounts SET status = 'CLOSED' WHERE id = ?").param(otherAccount).update();

        JsonNode missing = withoutInstance(api.get(path(Long.MAX_VALUE - 1, 1), key));
        assertThat(withoutInstance(api.get(path(account, otherOwner.id()), key))).isEqualTo(missing);
        assertThat(withoutInstance(api.get(path(otherAccount, otherOwner.id()), key))).isEqualTo(missing);
        assertThat(missing.get("type").asString()).isEqualTo("urn:roster:problem:not-found");
    }

    @Test
    void aPersonalTokenSeesOnlyItsOwnAccountAndAnotherAccountsIdsAreMissingOnes() {
        String token = credentials.tokenSecret(member.id(), account, "invoices");
        String missing = withoutInstance(api.get(path(Long.MAX_VALUE - 1, member.id()), token)).toString();

        JsonNode self = api.get(path(account, member.id()), token).json();
        assertThat(strings(self.get("permissions"))).containsExactly("invoices", "tickets");
        assertThat(strings(self.get("tokenPermissions"))).containsExactly("invoices");

        ApiClient.Response foreign = api.get(path(otherAccount, otherOwner.id()), token);
        assertProblem(foreign, 404, "urn:roster:problem:not-found");
        assertThat(withoutInstance(foreign).toString()).isEqualTo(missing);
        assertThat(withoutInstance(api.get(path(otherAccount, member.id()), token)).toString()).isEqualTo(missing);

        ApiClient.Response colleague = api.get(path(account, owner.id()), token);
        assertProblem(colleague, 403, "urn:roster:problem:forbidden");
    }

    @Test
    void aTokenCarryingUsersReadsItsColleaguesAndAnOwnersTokenIsOwnerOnlyWithEveryPermission() {
        join(account, registrations.registerVerified("Mia").id(), "users,invoices");
        long mia = jdbc.sql("SELECT user_id FROM memberships WHERE account_id = ? AND permissions = 'users,invoices'")
                .param(account).query(Long.class).single();
        String miaToken = credentials.tokenSecret(mia, account, "users");
        String ownersPartialToken = credentials.tokenSecret(owner.id(), account, "users");

        assertThat(api.get(path(account, member.id()), miaToken).status()).isEqualTo(200);
        assertThat(api.get(path(account, owner.id()), miaToken).json().has("tokenPermissions")).isFalse();
        JsonNode ownerSelf = api.get(path(account, owner.id()), ownersPartialToken).json();
        assertThat(ownerSelf.get("owner").asBoolean()).as("the owner still owns the account").isTrue();
        assertThat(strings(ownerSelf.get("tokenPermissions"))).containsExactly("users");
    }

    @Test
    void aPermissionLostIsLostByTheTokenAtTheNextCallAndALostMembershipOrADisabledUserKillsIt() {
        join(account, registrations.registerVerified("Mia").id(), "users");
        long mia = jdbc.sql("SELECT user_id FROM memberships WHERE account_id = ? AND permissions = 'users'")
                .param(account).query(Long.class).single();
        String miaToken = credentials.tokenSecret(mia, account, "users");
        String maxToken = credentials.tokenSecret(member.id(), account, "invoices");
        assertThat(api.get(path(account, member.id()), miaToken).status()).isEqualTo(200);

        jdbc.sql("UPDATE memberships SET permissions = '' WHERE account_id = ? AND user_id = ?").params(account, mia)
                .update();
        assertProblem(api.get(path(account, member.id()), miaToken), 403, "urn:roster:problem:forbidden");
        assertThat(strings(api.get(path(account, mia), miaToken).json().get("tokenPermissions"))).isEmpty();

        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?").params(account, mia).update();
        ApiClient.Response gone = api.get(path(account, mia), miaToken);
        assertProblem(gone, 401, "urn:roster:problem:unauthorized");

        assertThat(api.get(path(account, member.id()), maxToken).status()).isEqualTo(200);
        jdbc.sql("UPDATE users SET disabled = TRUE WHERE id = ?").param(member.id()).update();
        assertProblem(api.get(path(account, member.id()), maxToken), 401, "urn:roster:problem:unauthorized");
    }

    @Test
    void anExpiredTokenIsDead() {
        var issued = credentials.token(member.id(), account, "Short", "invoices");
        var other = credentials.token(member.id(), account, "Other", "invoices");
        // Its expiry came and went (set here before its first call: a node holds a token's row a few seconds, and
        // compares the expiry it read with the clock on every call).
        jdbc.sql("UPDATE personal_tokens SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), issued.id()).update();
        assertThat(api.get(path(account, member.id()), other.secret()).status()).isEqualTo(200);

        assertProblem(api.get(path(account, member.id()), issued.secret()), 401, "urn:roster:problem:unauthorized");
    }

    private void join(long accountId, long userId, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, userId, permissions, Timestamp.from(Instant.now())).update();
    }

    static String path(long accountId, long userId) {
        return "/api/v1/accounts/" + accountId + "/members/" + userId;
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The problem without its {@code instance}, which is the request's own path. */
    static JsonNode withoutInstance(ApiClient.Response response) {
        JsonNode body = response.json().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) body).remove("instance");
        return body;
    }
}
