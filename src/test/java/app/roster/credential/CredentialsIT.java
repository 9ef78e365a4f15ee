package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.api.ApiCaller;
import app.roster.api.Scope;
import app.roster.credential.CreateApiKey.NewApiKey;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The credential use cases, called as beans, and the authenticator the API asks: who may create and revoke
 * which credential, no escalation, and a token that dies with its user's standing on the very next call.
 */
@IntegrationTest
class CredentialsIT {

    @Autowired
    CreateApiKey createApiKey;
    @Autowired
    RevokeApiKey revokeApiKey;
    @Autowired
    CreatePersonalToken createToken;
    @Autowired
    RevokePersonalToken revokeToken;
    @Autowired
    CredentialAuthenticator authenticator;
    @Autowired
    CredentialCache cache;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    Actor.Staff administrator;
    Actor.Staff support;
    Person owner;
    long account;
    Person member;

    @BeforeEach
    void people() {
        administrator = new Actor.Staff(staff("ADMINISTRATOR"), Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");
        support = new Actor.Staff(staff("SUPPORT"), Actor.Staff.Role.SUPPORT, "Sam Support", "sam@example.com");
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        member = registrations.registerVerified("Max");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices,users', ?)")
                .params(account, member.id(), Timestamp.from(Instant.now())).update();
    }

    @Test
    void anAdministratorCreatesAKeyWhoseSecretOpensTheApiWithItsScopes() {
        IssuedSecret issued = createApiKey.create(administrator, new NewApiKey(" Billing ", Set.of("members:read",
                "users:read"), null, ""));

        ApiCaller caller = authenticator.authenticate(issued.secret(), "192.0.2.1").orElseThrow();
        assertThat(caller.actor()).isEqualTo(new Actor.ApiKey(issued.id(), "Billing", Set.of("users:read", "members:read")));
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.MEMBERS_READ, Scope.USERS_READ);
        assertThat(caller.actorType()).isEqualTo(Actor.Type.API_KEY);
        assertThat(caller.actorLabel()).isEqualTo("Billing");
        assertThat(jdbc.sql("SELECT secret_hash FROM api_keys WHERE id = ?").param(issued.id()).query(String.class)
                .single()).doesNotContain(issued.secret().substring(27));
        assertThat(jdbc.sql("SELECT last_used_ip FROM api_keys WHERE id = ?").param(issued.id()).query(String.class)
                .single()).isEqualTo("192.0.2.1");
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinuteNotOnEveryRequest() {
        IssuedSecret issued = createApiKey.create(administrator, new NewApiKey("Billing", Set.of("members:read"),
                null, ""));
        authenticator.authenticate(issued.secret(), "192.0.2.1").orElseThrow();
        Timestamp recorded = lastUsedAt(issued.id());

        assertThat(authenticator.authenticate(issued.secret(), "192.0.2.2")).isPresent();
        assertThat(lastUsedAt(issued.id())).as("no write within the minute").isEqualTo(recorded);
        assertThat(lastUsedIp(issued.id())).isEqualTo("192.0.2.1");

        jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
                .params(Timestamp.from(recorded.toInstant().minusSeconds(61)), issued.id()).update();
        cache.clear(); // the row read again, as after its few seconds in the cache
        assertThat(authenticator.authenticate(issued.secret(), "192.0.2.3")).isPresent();
        assertThat(lastUsedIp(issued.id())).as("a minute on, the next use is recorded").isEqualTo("192.0.2.3");
        assertThat(lastUsedAt(issued.id())).isAfterOrEqualTo(recorded);
    }

    private Timestamp lastUsedAt(long keyId) {
        return jdbc.sql("SELECT last_used_at FROM api_keys WHERE id = ?").param(keyId).query(Timestamp.class).single();
    }

    private String lastUsedIp(long keyId) {
        return jdbc.sql("SELECT last_used_ip FROM api_keys WHERE id = ?").param(keyId).query(String.class).single();
    }

    @Test
    void onlyAnAdministratorCreatesOrRevokesKeysAndEachFieldIsChecked() {
        NewApiKey request = new NewApiKey("Billing", Set.of("members:read"), null, null);
        assertRefused(() -> createApiKey.create(support, request), Refusal.Kind.FORBIDDEN, null);
        Actor.ApiKey key = new Actor.ApiKey(1, "Other", Set.of("members:write"));
        assertRefused(() -> createApiKey.create(key, request), Refusal.Kind.FORBIDDEN, null);
        assertRefused(() -> createApiKey.create(owner(), request), Refusal.Kind.FORBIDDEN, null);
        assertRefused(() -> createApiKey.create(administrator, new NewApiKey(" ", Set.of("members:read"), null, null)),
                Refusal.Kind.INVALID, "name");
        assertRefused(() -> createApiKey.create(administrator, new NewApiKey("B", Set.of(), null, null)),
                Refusal.Kind.INVALID, "scopes");
        assertRefused(() -> createApiKey.create(administrator, new NewApiKey("B", Set.of("members:read", "root"), null,
                null)), Refusal.Kind.INVALID, "scopes");
        assertRefused(() -> createApiKey.create(administrator, new NewApiKey("B", Set.of("members:read"),
                Instant.now().minusSeconds(1), null)), Refusal.Kind.INVALID, "expiresAt");
        assertRefused(() -> createApiKey.create(administrator, new NewApiKey("B", Set.of("members:read"), null,
                "10.0.0.0/8, example.com")), Refusal.Kind.INVALID, "allowedSources");

        IssuedSecret issued = createApiKey.create(administrator, request);
        assertRefused(() -> revokeApiKey.revoke(support, issued.id()), Refusal.Kind.FORBIDDEN, null);
        assertThat(authenticator.authenticate(issued.secret(), "192.0.2.1")).isPresent();
    }

    @Test
    void aRevokedAnExpiredOrAWrongSecretOrAForeignAddressOpensNothing() {
        IssuedSecret revoked = createApiKey.create(administrator, new NewApiKey("A", Set.of("members:read"), null, null));
        revokeApiKey.revoke(administrator, revoked.id());
        revokeApiKey.revoke(administrator, revoked.id());
        IssuedSecret expiring = createApiKey.create(administrator, new NewApiKey("B", Set.of("members:read"),
                Instant.now().plusSeconds(3600), null));
        jdbc.sql("UPDATE api_keys SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expiring.id()).update();
        IssuedSecret fenced = createApiKey.create(administrator, new NewApiKey("C", Set.of("members:read"), null,
                "198.51.100.0/24"));
        String wrongSecret = fenced.secret().substring(0, fenced.secret().length() - 2)
                + (fenced.secret().endsWith("AA") ? "BB" : "AA");

        assertThat(authenticator.authenticate(revoked.secret(), "198.51.100.1")).isEmpty();
        assertThat(authenticator.authenticate(expiring.secret(), "198.51.100.1")).isEmpty();
        assertThat(authenticator.authenticate(wrongSecret, "198.51.100.1")).isEmpty();
        assertThat(authenticator.authenticate(fenced.secret(), "192.0.2.1")).isEmpty();
        assertThat(authenticator.authenticate(fenced.secret(), "198.51.100.1")).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'credential.api_key_revoked' "
                + "AND details LIKE ?").param("key=" + revoked.id() + ";%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenCarriesOnlyPermissionsItsUserHoldsAndLosesWhatTheUserLoses() {
        Actor.Member max = new Actor.Member(member.id(), account);
        assertRefused(() -> createToken.create(max, account, "CI", Set.of("invoices", "orders"), null),
                Refusal.Kind.INVALID, "permissions");
        assertRefused(() -> createToken.create(max, account, "CI", Set.of("invoices", "nonsense"), null),
                Refusal.Kind.INVALID, "permissions");
        long otherAccount = registrations.accountOf(registrations.registerVerified("Else"));
        assertRefused(() -> createToken.create(max, otherAccount, "CI", Set.of(), null), Refusal.Kind.NOT_FOUND, null);

        IssuedSecret issued = createToken.create(max, account, "CI", Set.of("invoices", "users"), null);
        ApiCaller caller = authenticator.authenticate(issued.secret(), "192.0.2.1").orElseThrow();
        assertThat(caller.actor()).isEqualTo(new Actor.Token(issued.id(), "CI (" + member.email() + ")", member.id(),
                account, Set.of("invoices", "users")));
        assertThat(caller.scopes()).contains(Scope.MEMBERS_READ, Scope.MEMBERS_WRITE).doesNotContain(Scope.USERS_READ,
                Scope.CONTACTS_READ, Scope.AUDIT_READ);

        jdbc.sql("UPDATE memberships SET permissions = 'invoices' WHERE account_id = ? AND user_id = ?")
                .params(account, member.id()).update();
        assertThat(authenticator.authenticate(issued.secret(), "192.0.2.1").orElseThrow().scopes())
                .containsExactly(Scope.MEMBERS_READ);

        Actor.Token token = (Actor.Token) caller.actor();
        assertRefused(() -> createToken.create(token, account, "More", Set.of(), null), Refusal.Kind.FORBIDDEN, null);
    }

    @Test
    void aTokenDiesWithItsUsersStandingItsMembershipOrItsExpiry() {
        IssuedSecret disabled = createToken.create(new Actor.Member(member.id(), account), account, "A", Set.of(), null);
        IssuedSecret expiring = createToken.create(owner(), account, "B", Set.of(), Instant.now().plusSeconds(60));
        IssuedSecret removed = createToken.create(owner(), account, "C", Set.of(), null);
        jdbc.sql("UPDATE personal_tokens SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.SECONDS)), expiring.id()).update();
        assertThat(authenticator.authenticate(disabled.secret(), "192.0.2.1")).isPresent();

        jdbc.sql("UPDATE users SET disabled = TRUE WHERE id = ?").param(member.id()).update();
        assertThat(authenticator.authenticate(disabled.secret(), "192.0.2.1")).isEmpty();
        assertThat(authenticator.authenticate(expiring.secret(), "192.0.2.1")).isEmpty();
        assertThat(authenticator.authenticate(removed.secret(), "192.0.2.1")).isPresent();
        jdbc.sql("UPDATE accounts SET status = 'CLOSED' WHERE id = ?").param(account).update();
        assertThat(authenticator.authenticate(removed.secret(), "192.0.2.1")).isEmpty();
    }

    @Test
    void aTokenIsRevokedByItsUserTheAccountOwnerOrAnAdministratorAndByNobodyElse() {
        IssuedSecret maxToken = createToken.create(new Actor.Member(member.id(), account), account, "Max's", Set.of(),
                null);
        IssuedSecret ownerToken = createToken.create(owner(), account, "Olga's", Set.of(), null);
        Person stranger = registrations.registerVerified("Stranger");
        Actor.Member strangerActor = new Actor.Member(stranger.id(), registrations.accountOf(stranger));

        assertRefused(() -> revokeToken.revoke(strangerActor, maxToken.id()), Refusal.Kind.NOT_FOUND, null);
        assertRefused(() -> revokeToken.revoke(new Actor.Member(member.id(), account), ownerToken.id()),
                Refusal.Kind.NOT_FOUND, null);
        assertRefused(() -> revokeToken.revoke(support, maxToken.id()), Refusal.Kind.FORBIDDEN, null);
        assertRefused(() -> revokeToken.revoke(owner(), Long.MAX_VALUE), Refusal.Kind.NOT_FOUND, null);

        revokeToken.revoke(owner(), maxToken.id());
        revokeToken.revoke(administrator, ownerToken.id());
        assertThat(authenticator.authenticate(maxToken.secret(), "192.0.2.1")).isEmpty();
        assertThat(authenticator.authenticate(ownerToken.secret(), "192.0.2.1")).isEmpty();
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE action = 'credential.token_revoked' AND user_id = ?")
                .param(member.id()).query(String.class).single()).contains("by=owner");
    }

    private Actor.Member owner() {
        return new Actor.Member(owner.id(), account);
    }

    private long staff(String role) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO staff (email, name, role, created_at) VALUES (?, ?, ?, ?)")
                .params("staff-" + UUID.randomUUID() + "@example.com", "Staff", role, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static void assertRefused(Runnable call, Refusal.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }
}
