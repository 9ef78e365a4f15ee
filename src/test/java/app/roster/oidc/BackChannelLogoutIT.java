package app.roster.oidc;

import static app.roster.oidc.TokenEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.oidc.RegisterClient.NewClient;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import app.roster.user.EndSessions;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Back-channel logout: when a user's Roster sessions end, each client they signed in to that registered a logout
 * URI receives a signed logout token, posted from the outbox after the change commits, again after a failure, and
 * audited once given up. Retries wait one second here (thirty by default).
 */
@IntegrationTest
@WithSettings({"roster.oidc.logout-retry=1s", "roster.oidc.logout-attempts=3"})
class BackChannelLogoutIT {

    static final String SCOPES = "openid profile email";

    @LocalServerPort
    int port;
    @Autowired
    RegisterClient register;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EndSessions endSessions;

    TokenEndpoint endpoint;
    Person ana;
    LogoutReceiver receiver;

    @BeforeEach
    void setUp() {
        endpoint = new TokenEndpoint(port);
        ana = registrations.registerVerified("Ana");
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void discoveryAdvertisesBackChannelLogoutWithSessions() {
        var discovery = endpoint.get("/.well-known/openid-configuration", null);

        assertThat(discovery.json().get("backchannel_logout_supported").asBoolean()).isTrue();
        assertThat(discovery.json().get("backchannel_logout_session_supported").asBoolean()).isTrue();
    }

    @Test
    void aPasswordChangeSendsEachClientASignedLogoutTokenForTheUserAndEndsTheirRefreshTokens() throws Exception {
        receiver = new LogoutReceiver();
        Registered shop = client("Shop", receiver.uri());
        Registered silent = client("Wiki", null);
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        var tokens = signIn(browser, shop);
        var otherTokens = signIn(browser, silent);

        browser.get("/profile");
        var changed = browser.post("/profile/password", Map.of("currentPassword", ana.password(),
                "newPassword", "quiet-lantern-orchard-77"));
        assertThat(changed.location()).endsWith("/profile");

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
        var received = receiver.received().getFirst();
        assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
        SignedJWT token = SignedJWT.parse(received.logoutToken());
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        assertThat(token.verify(new RSASSAVerifier(key(token)))).as("signature").isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(endpoint.get("/.well-known/openid-configuration", null).text("issuer"));
        assertThat(claims.getAudience()).containsExactly(shop.client().clientId());
        assertThat(claims.getSubject()).isEqualTo(String.valueOf(ana.id()));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(120_000);
        assertThat(claims.getJSONObjectClaim("events"))
                .containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
        assertThat(claims.getClaims()).doesNotContainKeys("nonce", "sid");
        assertThat(refresh(shop, tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(refresh(silent, otherTokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aLogoutNamesTheEndedSessionAndLeavesTheUsersOtherSessionsClientsAlone() throws Exception {
        receiver = new LogoutReceiver();
        Registered shop = client("Shop", receiver.uri());
        Visitor laptop = new Visitor(port);
        laptop.login(ana.email(), ana.password());
        var laptopTokens = signIn(laptop, shop);
        Visitor phone = new Visitor(port);
        phone.login(ana.email(), ana.password());
        var phoneTokens = signIn(phone, shop);

        laptop.get("/profile");
        laptop.post("/logout", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
        JWTClaimsSet claims = SignedJWT.parse(receiver.received().getFirst().logoutToken()).getJWTClaimsSet();
        String laptopSid = SignedJWT.parse(laptopTokens.text("id_token")).getJWTClaimsSet().getStringClaim("sid");
        assertThat(claims.getStringClaim("sid")).isNotBlank().isEqualTo(laptopSid);
        assertThat(claims.getSubject()).isEqualTo(String.valueOf(ana.id()));
        assertThat(refresh(shop, laptopTokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(refresh(shop, phoneTokens.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void aSessionEndedFromTheProfileEndsTheClientsSessionOfThatSessionOnly() throws Exception {
        receiver = new LogoutReceiver();
        Registered shop = client("Shop", receiver.uri());
        Visitor laptop = new Visitor(port);
        laptop.login(ana.email(), ana.password());
        var laptopTokens = signIn(laptop, shop);
        Visitor phone = new Visitor(port);
        phone.login(ana.email(), ana.password());
        var phoneTokens = signIn(phone, shop);
        String phoneSession = laptop.get("/profile/security").html()
                .select("form[action$=/profile/sessions/end] input[name=sessionId]").eachAttr("value").getFirst();

        laptop.post("/profile/sessions/end", Map.of("sessionId", phoneSession));

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
        String phoneSid = SignedJWT.parse(phoneTokens.text("id_token")).getJWTClaimsSet().getStringClaim("sid");
        assertThat(SignedJWT.parse(receiver.received().getFirst().logoutToken()).getJWTClaimsSet()
                .getStringClaim("sid")).isEqualTo(phoneSid).isEqualTo(Sid.of(phoneSession));
        assertThat(refresh(shop, phoneTokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(refresh(shop, laptopTokens.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithTheSameJti() throws Exception {
        receiver = new LogoutReceiver(500);
        Registered shop = client("Shop", receiver.uri());
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        signIn(browser, shop);

        endSessionsAsStaff(ana);

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 2);
        String first = SignedJWT.parse(receiver.received().get(0).logoutToken()).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(receiver.received().get(1).logoutToken()).getJWTClaimsSet().getJWTID();
        assertThat(second).isEqualTo(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> state(shop).equals("DELIVERED"));
        assertThat(jdbc.sql("SELECT attempts FROM oidc_logout_outbox WHERE client_id = ?")
                .param(shop.client().clientId()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aDeliveryGivenUpAfterTheLastAttemptIsAudited() throws Exception {
        receiver = new LogoutReceiver(500, 503, 500, 500);
        Registered shop = client("Shop", receiver.uri());
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        signIn(browser, shop);

        endSessionsAsStaff(ana);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(shop).equals("FAILED"));
        assertThat(receiver.received()).hasSize(3);
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE user_id = ? AND action = ?")
                .params(ana.id(), "oidc.backchannel_logout_failed").query(String.class).single())
                .contains(shop.client().clientId()).contains("HTTP 500");
    }

    @Test
    void nothingIsQueuedWhenTheChangeRollsBack() throws Exception {
        receiver = new LogoutReceiver();
        Registered shop = client("Shop", receiver.uri());
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        signIn(browser, shop);

        browser.get("/profile");
        var refused = browser.post("/profile/password", Map.of("currentPassword", "wrong-password-entirely",
                "newPassword", "quiet-lantern-orchard-77"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_logout_outbox WHERE client_id = ?")
                .param(shop.client().clientId()).query(Long.class).single()).isZero();
    }

    private void endSessionsAsStaff(Person person) {
        endSessions.endAll(RelyingParty.ADMINISTRATOR, person.id());
    }

    private String state(Registered client) {
        return jdbc.sql("SELECT state FROM oidc_logout_outbox WHERE client_id = ?")
                .param(client.client().clientId()).query(String.class).single();
    }

    private Registered client(String name, String logoutUri) {
        return register.register(RelyingParty.ADMINISTRATOR, new NewClient(name, true, true, null,
                Set.of(RelyingParty.REDIRECT), Set.of(), logoutUri, Set.of(SCOPES.split(" ")), false, Set.of()));
    }

    private TokenEndpoint.Answer signIn(Visitor browser, Registered client) {
        String verifier = TokenEndpoint.verifier();
        var answer = browser.get("/oauth2/authorize?response_type=code&client_id=" + client.client().clientId()
                + "&redirect_uri=" + RelyingParty.REDIRECT + "&scope=" + SCOPES.replace(" ", "%20")
                + "&state=s1&nonce=n1&code_challenge=" + TokenEndpoint.challenge(verifier)
                + "&code_challenge_method=S256");
        assertThat(answer.location()).as("redirect of the authorization").startsWith(RelyingParty.REDIRECT);
        String code = UriComponentsBuilder.fromUriString(answer.location()).build().getQueryParams().getFirst("code");
        var tokens = endpoint.post("/oauth2/token", client.client().clientId(), client.secret(), form("grant_type",
                "authorization_code", "code", code, "redirect_uri", RelyingParty.REDIRECT, "code_verifier", verifier));
        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        return tokens;
    }

    private TokenEndpoint.Answer refresh(Registered client, String refreshToken) {
        return endpoint.post("/oauth2/token", client.client().clientId(), client.secret(),
                form("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private RSAKey key(SignedJWT token) {
        try {
            JWKSet keys = JWKSet.parse(endpoint.get("/oauth2/jwks", null).json().toString());
            return (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
