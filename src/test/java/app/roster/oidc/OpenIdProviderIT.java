package app.roster.oidc;

import static app.roster.oidc.TokenEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.oidc.RegisterClient.Registered;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Roster as an OpenID Connect provider, driven the way a relying party's library drives it: discovery, the
 * authorization code flow with PKCE through the Client Area's real login, the token endpoint, refresh rotation
 * and reuse detection, client credentials, introspection, revocation, and the account in the tokens.
 */
@IntegrationTest
class OpenIdProviderIT {

    static final String SCOPES = "openid profile email account";

    @LocalServerPort
    int port;
    @Autowired
    RegisterClient register;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SigningKeys keys;

    TokenEndpoint endpoint;
    Registered billing;
    RelyingParty party;
    Person ana;

    @BeforeEach
    void setUp() {
        endpoint = new TokenEndpoint(port);
        billing = RelyingParty.confidential(register, SCOPES + " accounts");
        party = new RelyingParty(port, billing);
        ana = registrations.registerVerified("Ana");
    }

    @Test
    void discoveryNamesTheEndpointsAndOffersNeitherImplicitNorPassword() {
        var discovery = endpoint.get("/.well-known/openid-configuration", null);

        assertThat(discovery.status()).isEqualTo(200);
        String issuer = discovery.text("issuer");
        assertThat(issuer).doesNotEndWith("/");
        assertThat(discovery.text("jwks_uri")).isEqualTo(issuer + "/oauth2/jwks");
        assertThat(discovery.json().get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(discovery.json().get("grant_types_supported").toString())
                .doesNotContain("implicit", "\"password\"").contains("authorization_code", "refresh_token",
                        "client_credentials");
        assertThat(discovery.json().get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(discovery.json().get("id_token_signing_alg_values_supported").toString()).contains("RS256");
        assertThat(discovery.text("end_session_endpoint")).isNotBlank();
        assertThat(discovery.json().get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    @Test
    void theKeySetPublishesPublicKeysOnly() throws Exception {
        JWKSet keys = JWKSet.parse(endpoint.get("/oauth2/jwks", null).json().toString());

        assertThat(keys.getKeys()).isNotEmpty();
        assertThat(keys.getKeys()).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
        });
        assertThat(jdbc.sql("SELECT jwk_encrypted FROM oidc_signing_keys").query(String.class).list())
                .allSatisfy(stored -> assertThat(stored).doesNotContain("\"d\"", "RSA"));
    }

    @Test
    void aRotationPublishesTheNewKeyBesideTheOldAndForgetsRetiredKeysAfterTheirOverlap() throws Exception {
        String before = SignedJWT.parse(signIn(ana).text("access_token")).getHeader().getKeyID();

        String rotated = keys.rotate();
        JWKSet published = JWKSet.parse(endpoint.get("/oauth2/jwks", null).json().toString());
        assertThat(published.getKeys()).extracting(key -> key.getKeyID()).contains(before, rotated);

        jdbc.sql("UPDATE oidc_signing_keys SET retired_at = ? WHERE kid <> ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))), rotated)
                .update();
        keys.rotateWhenDue();
        assertThat(jdbc.sql("SELECT kid FROM oidc_signing_keys").query(String.class).list()).containsExactly(rotated);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        var tokens = signIn(ana);
        SignedJWT genuine = SignedJWT.parse(tokens.text("access_token"));
        RSAKey stranger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID())
                .generate();
        SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
        forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(stranger));

        assertThat(endpoint.get("/userinfo", forged.serialize()).status()).isEqualTo(401);
        assertThat(endpoint.get("/userinfo", tokens.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void signingInGivesTokensThatNameTheUserByIdAndCarryTheAccount() throws Exception {
        String verifier = TokenEndpoint.verifier();
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());

        MultiValueMap<String, String> answer = authorize(browser, billing.client().clientId(), SCOPES, verifier, null);
        assertThat(answer.getFirst("state")).isEqualTo("s1");
        assertThat(answer.getFirst("iss")).isNotBlank();
        var tokens = exchange(answer.getFirst("code"), verifier);

        assertThat(tokens.status()).isEqualTo(200);
        JWTClaimsSet id = verified(tokens.text("id_token"));
        long account = registrations.accountOf(ana);
        assertThat(id.getSubject()).isEqualTo(String.valueOf(ana.id()));
        assertThat(id.getStringClaim("email")).isEqualTo(ana.email());
        assertThat(id.getBooleanClaim("email_verified")).isTrue();
        assertThat(id.getStringClaim("given_name")).isEqualTo("Ana");
        assertThat(id.getStringClaim("nonce")).isEqualTo("n1");
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(id.getDateClaim("auth_time")).isNotNull();
        Map<String, Object> accountClaim = id.getJSONObjectClaim("account");
        assertThat(accountClaim).containsEntry("id", String.valueOf(account)).containsEntry("owner", true);
        assertThat((List<Object>) accountClaim.get("permissions")).contains("invoices", "users");
        JWTClaimsSet access = verified(tokens.text("access_token"));
        assertThat(access.getSubject()).isEqualTo(String.valueOf(ana.id()));
        assertThat(access.getJSONObjectClaim("account")).containsEntry("id", String.valueOf(account));
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime()).isEqualTo(300_000);

        var userInfo = endpoint.get("/userinfo", tokens.text("access_token"));
        assertThat(userInfo.status()).isEqualTo(200);
        assertThat(userInfo.text("sub")).isEqualTo(String.valueOf(ana.id()));
        assertThat(userInfo.json().get("account").get("id").asString()).isEqualTo(String.valueOf(account));
    }

    @Test
    void theAccountsScopeListsEveryMembershipWithoutAChooser() throws Exception {
        Person bob = registrations.registerVerified("Bob");
        long bobsAccount = registrations.accountOf(bob);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                + "VALUES (?, ?, 'tickets', TRUE, CURRENT_TIMESTAMP)").params(bobsAccount, ana.id()).update();
        String verifier = TokenEndpoint.verifier();
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());

        String code = authorize(browser, billing.client().clientId(), "openid accounts", verifier, null).getFirst("code");
        List<Object> accounts = verified(exchange(code, verifier).text("id_token")).getListClaim("accounts");

        assertThat(accounts).hasSize(2).anySatisfy(account -> assertThat((Map<String, Object>) account)
                .containsEntry("id", String.valueOf(bobsAccount)).containsEntry("owner", false));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        var tokens = signIn(ana);

        List<Map<String, Object>> rows = jdbc.sql("SELECT authorization_code_value, access_token_value, "
                + "refresh_token_value, oidc_id_token_value FROM oauth2_authorization WHERE principal_name = ?")
                .param(String.valueOf(ana.id())).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).matches("[0-9a-f]{64}"));
        assertThat(rows.getFirst().values()).doesNotContain(tokens.text("refresh_token"), tokens.text("access_token"));
    }

    @Test
    void aRefreshRotatesTheTokenAndAReusedOneEndsTheWholeGrant() {
        var first = signIn(ana);
        String spent = first.text("refresh_token");

        var second = refresh(spent);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refresh_token")).isNotEqualTo(spent);

        var reused = refresh(spent);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.text("error")).isEqualTo("invalid_grant");
        assertThat(refresh(second.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(introspect(second.text("access_token")).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aRefreshShowsPermissionsOfNowAndFailsOnceTheMembershipIsGone() throws Exception {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person member = registrations.registerVerified("Mia");
        // Mia leaves her own account, so that the shared one is her only one and needs no chooser.
        jdbc.sql("DELETE FROM memberships WHERE user_id = ?").param(member.id()).update();
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                + "VALUES (?, ?, 'invoices', TRUE, CURRENT_TIMESTAMP)").params(account, member.id()).update();
        var tokens = signIn(member);
        assertThat((List<Object>) verified(tokens.text("access_token")).getJSONObjectClaim("account").get("permissions"))
                .containsExactly("invoices");

        jdbc.sql("UPDATE memberships SET permissions = 'invoices,tickets' WHERE user_id = ?").param(member.id())
                .update();
        var refreshed = refresh(tokens.text("refresh_token"));
        assertThat((List<Object>) verified(refreshed.text("access_token")).getJSONObjectClaim("account").get("permissions"))
                .containsExactlyInAnyOrder("invoices", "tickets");

        jdbc.sql("DELETE FROM memberships WHERE user_id = ?").param(member.id()).update();
        assertThat(introspect(refreshed.text("access_token")).json().get("active").asBoolean()).isFalse();
        assertThat(refresh(refreshed.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void introspectionAndRevocation() {
        var tokens = signIn(ana);
        var active = introspect(tokens.text("access_token"));
        assertThat(active.json().get("active").asBoolean()).isTrue();
        assertThat(active.text("sub")).isEqualTo(String.valueOf(ana.id()));

        var revoked = endpoint.post("/oauth2/revoke", billing.client().clientId(), billing.secret(),
                form("token", tokens.text("refresh_token"), "token_type_hint", "refresh_token"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(introspect(tokens.text("access_token")).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aDisabledUsersTokensAreInactive() {
        var tokens = signIn(ana);
        jdbc.sql("UPDATE users SET disabled = TRUE WHERE id = ?").param(ana.id()).update();

        assertThat(introspect(tokens.text("access_token")).json().get("active").asBoolean()).isFalse();
        assertThat(refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void clientCredentialsForAMachineClient() throws Exception {
        var tokens = endpoint.post("/oauth2/token", billing.client().clientId(), billing.secret(),
                form("grant_type", "client_credentials"));

        assertThat(tokens.status()).isEqualTo(200);
        assertThat(verified(tokens.text("access_token")).getSubject()).isEqualTo(billing.client().clientId());
        assertThat(tokens.text("refresh_token")).isNull();
        var wrongSecret = endpoint.post("/oauth2/token", billing.client().clientId(), billing.secret() + "x",
                form("grant_type", "client_credentials"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.text("error")).isEqualTo("invalid_client");
        assertThat(jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
                .param(billing.client().clientId()).query(String.class).single())
                .isEqualTo(ClientSecrets.hash(billing.secret())).doesNotContain(billing.secret());
    }

    @Test
    void aPublicClientMustUsePkceAndCannotUseClientCredentials() {
        Registered panel = RelyingParty.publicClient(register, SCOPES);
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());

        var noPkce = browser.get("/oauth2/authorize?response_type=code&client_id=" + panel.client().clientId()
                + "&redirect_uri=" + RelyingParty.REDIRECT + "&scope=openid&state=s1");
        assertThat(noPkce.location()).startsWith(RelyingParty.REDIRECT).contains("error=invalid_request");
        var machine = endpoint.post("/oauth2/token", panel.client().clientId(), null,
                form("grant_type", "client_credentials", "client_id", panel.client().clientId()));
        assertThat(machine.status()).isEqualTo(401);
    }

    @Test
    void wrongRedirectUriWrongVerifierAndReusedCodeAreRefused() {
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        String verifier = TokenEndpoint.verifier();

        var wrongRedirect = browser.get("/oauth2/authorize?response_type=code&client_id=" + billing.client().clientId()
                + "&redirect_uri=http://127.0.0.1:9/callback/evil&scope=openid&state=s1&code_challenge="
                + TokenEndpoint.challenge(verifier) + "&code_challenge_method=S256");
        assertThat(wrongRedirect.status()).isEqualTo(400);
        assertThat(wrongRedirect.location()).isNull();

        String code = authorize(browser, billing.client().clientId(), "openid", verifier, null).getFirst("code");
        assertThat(exchange(code, TokenEndpoint.verifier()).text("error")).isEqualTo("invalid_grant");
        String another = authorize(browser, billing.client().clientId(), "openid", verifier, null).getFirst("code");
        var first = exchange(another, verifier);
        assertThat(first.status()).isEqualTo(200);
        assertThat(exchange(another, verifier).text("error")).isEqualTo("invalid_grant");
        assertThat(introspect(first.text("access_token")).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aUserOfSeveralAccountsChoosesOneAndAHintForAnotherAccountIsIgnored() throws Exception {
        Person bob = registrations.registerVerified("Bob");
        long bobsAccount = registrations.accountOf(bob);
        long anasAccount = registrations.accountOf(ana);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                + "VALUES (?, ?, 'tickets', TRUE, CURRENT_TIMESTAMP)").params(bobsAccount, ana.id()).update();
        Person stranger = registrations.registerVerified("Sam");
        long strangersAccount = registrations.accountOf(stranger);
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        String verifier = TokenEndpoint.verifier();
        String request = authorizeUrl(billing.client().clientId(), SCOPES, verifier);

        var chooser = browser.get(request + "&account_hint=" + strangersAccount);
        assertThat(chooser.location()).contains("/oauth2/choose-account").doesNotContain("account_hint");
        var page = browser.get(chooser.location());
        assertThat(page.text()).contains("Billing");
        assertThat(page.html().select("form[action*=choose-account] button").eachText()).hasSize(2);
        String query = page.field("request").attr("value");
        assertThat(browser.post("/oauth2/choose-account",
                Map.of("accountId", String.valueOf(strangersAccount), "request", query)).status()).isEqualTo(404);

        var back = browser.post("/oauth2/choose-account", Map.of("accountId", String.valueOf(bobsAccount),
                "request", query));
        var answer = browser.get(back.location());
        String code = UriComponentsBuilder.fromUriString(answer.location()).build().getQueryParams().getFirst("code");
        var tokens = exchange(code, verifier);
        Map<String, Object> account = verified(tokens.text("id_token")).getJSONObjectClaim("account");
        assertThat(account).containsEntry("id", String.valueOf(bobsAccount)).containsEntry("owner", false);
        assertThat((List<Object>) account.get("permissions")).containsExactly("tickets");

        var hinted = browser.get(authorizeUrl(billing.client().clientId(), SCOPES, verifier) + "&account_hint="
                + anasAccount);
        assertThat(hinted.location()).startsWith(RelyingParty.REDIRECT).contains("code=");
    }

    @Test
    void aThirdPartyApplicationAsksForConsentOnceAndGetsOnlyThePermissionsItMayReceive() throws Exception {
        Registered status = RelyingParty.thirdParty(register, "Status Page", SCOPES, "tickets");
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        String verifier = TokenEndpoint.verifier();

        var consent = browser.get(browser.get(authorizeUrl(status.client().clientId(), SCOPES, verifier)).location());
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.text()).contains("Status Page", "Ana Tester", "tickets").doesNotContain("invoices");
        List<Map.Entry<String, String>> allow = fields(consent, 0);
        var granted = browser.post("/oauth2/authorize", allow);
        assertThat(granted.location()).startsWith(RelyingParty.REDIRECT).contains("code=");
        String code = UriComponentsBuilder.fromUriString(granted.location()).build().getQueryParams().getFirst("code");
        var tokens = endpoint.post("/oauth2/token", status.client().clientId(), status.secret(), form("grant_type",
                "authorization_code", "code", code, "redirect_uri", RelyingParty.REDIRECT, "code_verifier", verifier));
        Map<String, Object> account = verified(tokens.text("access_token")).getJSONObjectClaim("account");
        assertThat((List<Object>) account.get("permissions")).containsExactly("tickets");

        var remembered = browser.get(authorizeUrl(status.client().clientId(), SCOPES, verifier));
        assertThat(remembered.location()).startsWith(RelyingParty.REDIRECT).contains("code=");
    }

    @Test
    void refusingConsentSendsTheUserBackWithAccessDenied() {
        Registered status = RelyingParty.thirdParty(register, "Status Page", SCOPES);
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());

        var consent = browser.get(browser.get(authorizeUrl(status.client().clientId(), SCOPES,
                TokenEndpoint.verifier())).location());
        List<Map.Entry<String, String>> deny = fields(consent, 1);
        var refused = browser.post("/oauth2/authorize", deny);
        assertThat(refused.location()).startsWith(RelyingParty.REDIRECT).contains("error=access_denied", "iss=");
    }

    @Test
    void anotherUsersConsentPageIsNotFound() {
        Registered status = RelyingParty.thirdParty(register, "Status Page", SCOPES);
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        String consentPage = browser.get(authorizeUrl(status.client().clientId(), SCOPES, TokenEndpoint.verifier()))
                .location();
        Person eve = registrations.registerVerified("Eve");
        Visitor other = new Visitor(port);
        other.login(eve.email(), eve.password());

        assertThat(other.get(consentPage).status()).isEqualTo(404);
    }

    @Test
    void aUserWithoutAnyAccountSeesAClearPage() {
        Person lone = registrations.registerVerified("Lone");
        jdbc.sql("DELETE FROM memberships WHERE user_id = ?").param(lone.id()).update();
        Visitor browser = new Visitor(port);
        browser.login(lone.email(), lone.password());

        var answer = browser.get(authorizeUrl(billing.client().clientId(), SCOPES, TokenEndpoint.verifier()));
        assertThat(answer.location()).endsWith("/oauth2/no-account");
        assertThat(browser.get(answer.location()).text()).contains("you do not belong to any");
    }

    @Test
    void aVisitorNotSignedInLogsInAndComesBackToTheAuthorization() {
        Visitor browser = new Visitor(port);
        String verifier = TokenEndpoint.verifier();

        var login = browser.get(authorizeUrl(billing.client().clientId(), SCOPES, verifier));
        assertThat(login.location()).endsWith("/login");
        browser.get("/login");
        var afterLogin = browser.post("/login", Map.of("email", ana.email(), "password", ana.password()));
        assertThat(afterLogin.location()).contains("/oauth2/authorize");
        assertThat(browser.get(afterLogin.location()).location()).startsWith(RelyingParty.REDIRECT).contains("code=");
    }

    /** The fields of the consent page's form number {@code index}: 0 allows, 1 refuses. */
    private static List<Map.Entry<String, String>> fields(Visitor.Page consent, int index) {
        return consent.html().select("form[action$=/oauth2/authorize]").get(index).select("input").stream()
                .map(input -> Map.entry(input.attr("name"), input.attr("value"))).toList();
    }

    private TokenEndpoint.Answer signIn(Person person) {
        return party.signIn(person, SCOPES);
    }

    private MultiValueMap<String, String> authorize(Visitor browser, String clientId, String scopes, String verifier,
            String hint) {
        assertThat(clientId).isEqualTo(party.clientId());
        return party.authorize(browser, scopes, verifier, hint);
    }

    private static String authorizeUrl(String clientId, String scopes, String verifier) {
        return RelyingParty.authorizeUrl(clientId, scopes, verifier);
    }

    private TokenEndpoint.Answer exchange(String code, String verifier) {
        return party.exchange(code, verifier);
    }

    private TokenEndpoint.Answer refresh(String refreshToken) {
        return party.refresh(refreshToken);
    }

    private TokenEndpoint.Answer introspect(String token) {
        return party.introspect(token);
    }

    private JWTClaimsSet verified(String jwt) throws Exception {
        return party.verified(jwt);
    }
}
