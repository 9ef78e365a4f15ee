package app.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.oidc.RegisterClient.ClientRefused;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * The Administrator's use cases on clients and keys, and a user's revocation of a grant, called as beans and
 * checked through the protocol endpoints: what works after each, what is refused (Support staff, a platform API
 * key rotating a secret, another user's grant, bad URIs), and the audit row each leaves.
 */
@IntegrationTest
class ClientAdministrationIT {

    static final String SCOPES = "openid profile email account";
    static final Actor SUPPORT = new Actor.Staff(2, Actor.Staff.Role.SUPPORT, "Sue Support", "sue@example.com");
    static final Actor API_KEY = new Actor.ApiKey(3, "Provisioning", Set.of("clients:write"));

    @LocalServerPort
    int port;
    @Autowired
    RegisterClient register;
    @Autowired
    UpdateClient updateClient;
    @Autowired
    RotateClientSecret rotateClientSecret;
    @Autowired
    DeleteClient deleteClient;
    @Autowired
    RevokeGrant revokeGrant;
    @Autowired
    RotateSigningKey rotateSigningKey;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    OidcClients clients;
    @Autowired
    GrantedApplications granted;
    @Autowired
    OidcUpkeep upkeep;
    @Autowired
    OAuth2AuthorizationConsentService consents;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    Registered billing;
    RelyingParty party;
    Person ana;

    @BeforeEach
    void setUp() {
        billing = RelyingParty.confidential(register, SCOPES);
        party = new RelyingParty(port, billing);
        ana = registrations.registerVerified("Ana");
    }

    @Test
    void anUpdateChangesWhatWasAskedKeepsTheTypeAndIsAudited() {
        OidcClient updated = updateClient.update(API_KEY, billing.client().id(), new UpdateClient.Changes(" Billing 2 ",
                "https://billing.example.com/logo.png", Set.of(RelyingParty.REDIRECT, "https://billing.example.com/cb"),
                Set.of(), "https://billing.example.com/backchannel", Set.of("openid", "email"), false, Set.of("invoices")));

        OidcClient found = clients.find(RelyingParty.ADMINISTRATOR, billing.client().id());
        assertThat(found).isEqualTo(updated);
        assertThat(found.name()).isEqualTo("Billing 2");
        assertThat(found.confidential()).isTrue();
        assertThat(found.clientCredentials()).isTrue();
        assertThat(found.firstParty()).isFalse();
        assertThat(found.scopes()).containsExactlyInAnyOrder("openid", "email");
        assertThat(found.permissions()).containsExactly("invoices");
        assertThat(found.logoUri()).isEqualTo("https://billing.example.com/logo.png");
        assertThat(found.postLogoutRedirectUris()).isEmpty();
        assertThat(party.clientCredentials(billing.secret())).as("the secret stays").isEqualTo(200);
        String details = audit("oidc.client_updated", billing.client().clientId());
        assertThat(details).contains("name=Billing 2", "firstParty=false", "scopes=email openid",
                "backChannelLogoutUri=https://billing.example.com/backchannel");
        assertThat(details).doesNotContain("clientCredentials");
    }

    @Test
    void anUpdateWithBadInputOrByTheWrongActorChangesNothing() {
        String id = billing.client().id();
        OidcClient before = clients.find(RelyingParty.ADMINISTRATOR, id);
        UpdateClient.Changes badUri = new UpdateClient.Changes("Billing", null, Set.of("http://evil.example.com/cb"),
                Set.of(), null, Set.of("openid"), true, Set.of());
        assertThatThrownBy(() -> updateClient.update(RelyingParty.ADMINISTRATOR, id, badUri))
                .isInstanceOfSatisfying(ClientRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("redirectUris");
                    assertThat(refused.messageKey()).isEqualTo("oidc.error.uri");
                });
        UpdateClient.Changes noRedirect = new UpdateClient.Changes("Billing", null, Set.of(), Set.of(), null,
                Set.of("openid"), true, Set.of());
        assertThatThrownBy(() -> updateClient.update(RelyingParty.ADMINISTRATOR, id, noRedirect))
                .isInstanceOfSatisfying(ClientRefused.class, refused ->
                        assertThat(refused.messageKey()).isEqualTo("oidc.error.redirectUrisKept"));
        UpdateClient.Changes fine = new UpdateClient.Changes("Renamed", null, Set.of(RelyingParty.REDIRECT), Set.of(),
                null, Set.of("openid"), true, Set.of());
        assertThat(kind(() -> updateClient.update(SUPPORT, id, fine))).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(kind(() -> updateClient.update(new Actor.User(ana.id(), ana.email()), id, fine)))
                .isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThatThrownBy(() -> updateClient.update(RelyingParty.ADMINISTRATOR, "no-such-client", fine))
                .isInstanceOf(NotFound.class);

        assertThat(clients.find(RelyingParty.ADMINISTRATOR, id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'oidc.client_updated' AND details LIKE ?")
                .param("%" + billing.client().clientId() + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void afterARotationBothSecretsWorkAndARotationAgainEndsTheOldest() {
        RotateClientSecret.Rotated first = rotateClientSecret.rotate(RelyingParty.ADMINISTRATOR, billing.client().id());

        assertThat(first.secret()).startsWith("roster_cs_").isNotEqualTo(billing.secret());
        assertThat(party.clientCredentials(first.secret())).isEqualTo(200);
        assertThat(party.clientCredentials(billing.secret())).as("within the grace period").isEqualTo(200);
        assertThat(first.client().previousSecretUntil()).isAfter(Instant.now().plus(23, ChronoUnit.HOURS));
        assertThat(audit("oidc.client_secret_rotated", billing.client().clientId()))
                .contains("previousUntil=").doesNotContain(first.secret(), ClientSecrets.hash(first.secret()));

        RotateClientSecret.Rotated second = rotateClientSecret.rotate(RelyingParty.ADMINISTRATOR, billing.client().id());
        assertThat(party.clientCredentials(second.secret())).isEqualTo(200);
        assertThat(party.clientCredentials(first.secret())).isEqualTo(200);
        assertThat(party.clientCredentials(billing.secret())).as("two rotations ago").isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorInPersonRotatesASecretAndAPublicClientHasNone() {
        String id = billing.client().id();
        assertThat(kind(() -> rotateClientSecret.rotate(SUPPORT, id))).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(kind(() -> rotateClientSecret.rotate(API_KEY, id))).isEqualTo(Refusal.Kind.FORBIDDEN);
        Registered panel = RelyingParty.publicClient(register, "openid");
        assertThat(kind(() -> rotateClientSecret.rotate(RelyingParty.ADMINISTRATOR, panel.client().id())))
                .isEqualTo(Refusal.Kind.CONFLICT);
        assertThatThrownBy(() -> rotateClientSecret.rotate(RelyingParty.ADMINISTRATOR, "no-such-client"))
                .isInstanceOf(NotFound.class);

        assertThat(party.clientCredentials(billing.secret())).isEqualTo(200);
        assertThat(clients.find(SUPPORT, id).previousSecretUntil()).isNull();
    }

    @Test
    void deletingAClientEndsEveryGrantOfIt() {
        var tokens = party.signIn(ana, SCOPES);
        RelyingParty other = new RelyingParty(port, RelyingParty.confidential(register, SCOPES));
        assertThat(other.introspect(tokens.text("access_token")).json().get("active").asBoolean()).isTrue();
        String id = billing.client().id();
        assertThat(kind(() -> deleteClient.delete(SUPPORT, id))).isEqualTo(Refusal.Kind.FORBIDDEN);

        deleteClient.delete(RelyingParty.ADMINISTRATOR, id);

        assertThat(party.refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_client");
        assertThat(other.introspect(tokens.text("access_token")).json().get("active").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization WHERE registered_client_id = ?").param(id)
                .query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> clients.find(RelyingParty.ADMINISTRATOR, id)).isInstanceOf(NotFound.class);
        assertThat(audit("oidc.client_deleted", billing.client().clientId())).contains("grantsEnded=1");
        assertThatThrownBy(() -> deleteClient.delete(RelyingParty.ADMINISTRATOR, id)).isInstanceOf(NotFound.class);
    }

    @Test
    void aUserRevokesTheirOwnGrantOnlyAndItsTokensDie() {
        var tokens = party.signIn(ana, SCOPES);
        consents.save(OAuth2AuthorizationConsent.withId(billing.client().id(), String.valueOf(ana.id()))
                .scope("email").build());
        Actor anaHerself = new Actor.User(ana.id(), ana.email());
        var listed = granted.of(anaHerself);
        assertThat(listed).singleElement().satisfies(app -> {
            assertThat(app.client().clientId()).isEqualTo(billing.client().clientId());
            assertThat(app.scopes()).contains("profile", "email", "account").doesNotContain("openid");
            assertThat(app.lastTokenAt()).isNotNull();
        });

        Person bob = registrations.registerVerified("Bob");
        assertThatThrownBy(() -> revokeGrant.revoke(new Actor.User(bob.id(), bob.email()), billing.client().clientId()))
                .isInstanceOf(NotFound.class);
        assertThat(kind(() -> revokeGrant.revoke(RelyingParty.ADMINISTRATOR, billing.client().clientId())))
                .isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(party.introspect(tokens.text("access_token")).json().get("active").asBoolean()).isTrue();

        revokeGrant.revoke(anaHerself, billing.client().clientId());

        assertThat(party.refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(party.introspect(tokens.text("access_token")).json().get("active").asBoolean()).isFalse();
        assertThat(consents.findById(billing.client().id(), String.valueOf(ana.id()))).isNull();
        assertThat(granted.of(anaHerself)).isEmpty();
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE action = 'oidc.grant_revoked' AND user_id = ?")
                .param(ana.id()).query(String.class).single()).contains(billing.client().clientId());
        assertThatThrownBy(() -> revokeGrant.revoke(anaHerself, billing.client().clientId())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> revokeGrant.revoke(anaHerself, "roster_ci_nosuchclient")).isInstanceOf(NotFound.class);
    }

    @Test
    void theListWalksEveryClientOnceAPageAtATime() {
        List<String> mine = List.of(billing.client().id(), RelyingParty.publicClient(register, "openid").client().id(),
                RelyingParty.thirdParty(register, "Zed", "openid").client().id());
        List<String> seen = new ArrayList<>();
        Page<OidcClient> page = clients.list(SUPPORT, Page.Request.fromOne(1, 2));
        seen.addAll(page.items().stream().map(OidcClient::id).toList());
        while (page.hasNext()) {
            page = clients.list(SUPPORT, Page.Request.fromOne(page.next(), 2));
            assertThat(page.items()).hasSizeBetween(1, 2);
            seen.addAll(page.items().stream().map(OidcClient::id).toList());
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).hasSize((int) page.total());
        assertThat(clients.list(SUPPORT, Page.Request.fromOne(10_000, 2)).position()).isEqualTo(page.position());
        assertThat(kind(() -> clients.list(new Actor.User(ana.id(), ana.email()), Page.Request.fromOne(1, 2))))
                .isEqualTo(Refusal.Kind.FORBIDDEN);
    }

    @Test
    void rotatingTheSigningKeyNowPublishesANewKeyBesideTheOld() throws Exception {
        // A new key signs at once only while no key has been published for a minute (SigningKeys.signer), as on a
        // new installation: start from one, not from a database that the classes before used for minutes.
        jdbc.sql("DELETE FROM oidc_signing_keys").update();
        signingKeys.rotate();
        var before = party.signIn(ana, SCOPES);
        assertThat(kind(() -> rotateSigningKey.rotate(SUPPORT))).isEqualTo(Refusal.Kind.FORBIDDEN);

        String kid = rotateSigningKey.rotate(RelyingParty.ADMINISTRATOR);

        var after = party.refresh(before.text("refresh_token"));
        assertThat(com.nimbusds.jwt.SignedJWT.parse(after.text("access_token")).getHeader().getKeyID()).isEqualTo(kid);
        assertThat(party.verified(before.text("access_token")).getSubject()).as("the old key still verifies")
                .isEqualTo(String.valueOf(ana.id()));
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'oidc.signing_key_rotated' AND details LIKE ?")
                .param("%" + kid + "%").query(String.class).single()).isEqualTo("STAFF");
    }

    @Test
    void theUpkeepRotatesAKeyWhenDueAndForgetsAuthorizationsWhoseTokensAllExpired() {
        party.signIn(ana, SCOPES);
        Person bob = registrations.registerVerified("Bob");
        party.signIn(bob, SCOPES);
        Timestamp past = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        jdbc.sql("""
                UPDATE oauth2_authorization SET authorization_code_expires_at = ?, access_token_expires_at = ?,
                       refresh_token_expires_at = ?, oidc_id_token_expires_at = ? WHERE principal_name = ?""")
                .params(past, past, past, past, String.valueOf(ana.id())).update();
        jdbc.sql("UPDATE oidc_signing_keys SET created_at = ? WHERE retired_at IS NULL")
                .param(Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS))).update();

        upkeep.run();

        assertThat(rows(ana)).isZero();
        assertThat(rows(bob)).as("tokens still valid").isEqualTo(1);
        List<String> active = jdbc.sql("SELECT kid FROM oidc_signing_keys WHERE retired_at IS NULL").query(String.class).list();
        assertThat(active).hasSize(1);
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'oidc.signing_key_rotated' AND details LIKE ?")
                .param("%" + active.getFirst() + "%").query(String.class).single()).isEqualTo("SYSTEM");
        upkeep.run();
        assertThat(jdbc.sql("SELECT kid FROM oidc_signing_keys WHERE retired_at IS NULL").query(String.class).list())
                .as("not due again").isEqualTo(active);
    }

    private int rows(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ?")
                .param(String.valueOf(person.id())).query(Integer.class).single();
    }

    private String audit(String action, String clientId) {
        return jdbc.sql("SELECT details FROM audit_events WHERE action = ? AND details LIKE ? ORDER BY id DESC")
                .params(action, "%" + clientId + "%").query(String.class).list().getFirst();
    }

    private static Refusal.Kind kind(Runnable call) {
        try {
            call.run();
        } catch (Refusal refusal) {
            return refusal.kind();
        }
        throw new AssertionError("Not refused");
    }
}
