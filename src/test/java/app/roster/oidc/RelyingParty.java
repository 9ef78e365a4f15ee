package app.roster.oidc;

import static app.roster.oidc.TokenEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.oidc.RegisterClient.NewClient;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.shared.Actor;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An application signing users in through Roster, the way a relying party's library does it: registered the way
 * an Administrator registers it, then the authorization code flow with PKCE through a {@link Visitor}'s real
 * login, and its back channel ({@link TokenEndpoint}) with its own secret.
 */
final class RelyingParty {

    static final Actor ADMINISTRATOR = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin",
            "ada@example.com");
    static final String REDIRECT = "http://127.0.0.1:9/callback";

    final TokenEndpoint endpoint;
    final Registered registered;
    private final int port;
    private String secret;

    RelyingParty(int port, Registered registered) {
        this.port = port;
        this.endpoint = new TokenEndpoint(port);
        this.registered = registered;
        this.secret = registered.secret();
    }

    static Registered confidential(RegisterClient register, String scopes) {
        return register.register(ADMINISTRATOR, new NewClient("Billing", true, true, null, Set.of(REDIRECT),
                Set.of("http://127.0.0.1:9/signed-out"), null, Set.of(scopes.split(" ")), true, Set.of()));
    }

    /** A confidential client whose users see the consent screen; it may receive only {@code permissions} (none: all). */
    static Registered thirdParty(RegisterClient register, String name, String scopes, String... permissions) {
        return register.register(ADMINISTRATOR, new NewClient(name, true, false, null, Set.of(REDIRECT), Set.of(),
                null, Set.of(scopes.split(" ")), false, Set.of(permissions)));
    }

    static Registered publicClient(RegisterClient register, String scopes) {
        return register.register(ADMINISTRATOR, new NewClient("Panel", false, true, null, Set.of(REDIRECT), Set.of(),
                null, Set.of(scopes.split(" ")), false, Set.of()));
    }

    String clientId() {
        return registered.client().clientId();
    }

    /** From now on the back channel authenticates with this secret (after a rotation). */
    RelyingParty withSecret(String newSecret) {
        this.secret = newSecret;
        return this;
    }

    /** A first-party sign-in of {@code person} (logged in afresh) with {@code scopes}: the token answer. */
    TokenEndpoint.Answer signIn(Person person, String scopes) {
        Visitor browser = new Visitor(port);
        browser.login(person.email(), person.password());
        return signIn(browser, scopes);
    }

    TokenEndpoint.Answer signIn(Visitor browser, String scopes) {
        String verifier = TokenEndpoint.verifier();
        String code = authorize(browser, scopes, verifier, null).getFirst("code");
        var tokens = exchange(code, verifier);
        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        return tokens;
    }

    /** The authorization as far as the redirect back to the application: its query parameters. */
    MultiValueMap<String, String> authorize(Visitor browser, String scopes, String verifier, String hint) {
        var answer = browser.get(authorizeUrl(clientId(), scopes, verifier) + (hint == null ? "" : "&account_hint=" + hint));
        assertThat(answer.location()).as("redirect of the authorization").startsWith(REDIRECT);
        return UriComponentsBuilder.fromUriString(answer.location()).build().getQueryParams();
    }

    static String authorizeUrl(String clientId, String scopes, String verifier) {
        return "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + REDIRECT
                + "&scope=" + scopes.replace(" ", "%20") + "&state=s1&nonce=n1&code_challenge="
                + TokenEndpoint.challenge(verifier) + "&code_challenge_method=S256";
    }

    TokenEndpoint.Answer exchange(String code, String verifier) {
        return endpoint.post("/oauth2/token", clientId(), secret, form("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier));
    }

    TokenEndpoint.Answer refresh(String refreshToken) {
        return endpoint.post("/oauth2/token", clientId(), secret,
                form("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    TokenEndpoint.Answer introspect(String token) {
        return endpoint.post("/oauth2/introspect", clientId(), secret, form("token", token));
    }

    /** The client credentials grant with this secret: 200 when the secret works, 401 when not. */
    int clientCredentials(String withSecret) {
        return endpoint.post("/oauth2/token", clientId(), withSecret, form("grant_type", "client_credentials")).status();
    }

    JWTClaimsSet verified(String jwt) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        JWKSet keys = JWKSet.parse(endpoint.get("/oauth2/jwks", null).json().toString());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(parsed.getHeader().getKeyID());
        assertThat(parsed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return parsed.getJWTClaimsSet();
    }
}
