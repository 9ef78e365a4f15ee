package app.roster.oidc;

import app.roster.membership.Membership;
import app.roster.shared.NotFound;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** What the sign-in pages show and where they send the user back to. */
@Component
public class SignInChoices {

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final OAuth2AuthorizationService authorizations;
    private final LiveGrants grants;

    SignInChoices(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
            OAuth2AuthorizationService authorizations, LiveGrants grants) {
        this.clients = clients;
        this.consents = consents;
        this.authorizations = authorizations;
        this.grants = grants;
    }

    /** The application asking, by its client id; an unknown one is not found. */
    public OidcClient client(String clientId) {
        return Optional.ofNullable(clients.findByClientId(clientId)).map(OidcClient::of).orElseThrow(NotFound::new);
    }

    public List<Membership> accounts(long userId) {
        return grants.memberships(userId);
    }

    /**
     * The authorization request again, with the chosen account as {@code account_hint}; only the query of the
     * original request travels through the page, and the path is always the authorization endpoint's.
     */
    public String continueWith(long userId, long accountId, String query) {
        grants.membership(accountId, userId).orElseThrow(NotFound::new);
        var parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
        var next = UriComponentsBuilder.fromPath(AccountChoice.AUTHORIZE);
        parameters.forEach((name, values) -> {
            if (!name.equals(TokenClaims.ACCOUNT_HINT)) {
                values.forEach(value -> next.queryParam(name, value));
            }
        });
        return next.queryParam(TokenClaims.ACCOUNT_HINT, accountId).build().toUriString();
    }

    /** What a third-party application asks to see: its scopes, the ones consented before, the chosen account. */
    public record Consent(OidcClient client, List<String> scopes, Set<String> consented, Membership account,
            Set<String> permissions) {
    }

    /** The consent the pending authorization with this {@code state} asks of the user; anyone else's: not found. */
    public Consent consent(long userId, String clientId, String scope, String state) {
        RegisteredClient client = Optional.ofNullable(clients.findByClientId(clientId)).orElseThrow(NotFound::new);
        OAuth2Authorization pending = Optional.ofNullable(authorizations.findByToken(state,
                        new OAuth2TokenType(OAuth2ParameterNames.STATE)))
                .filter(found -> found.getPrincipalName().equals(String.valueOf(userId))
                        && found.getRegisteredClientId().equals(client.getId()))
                .orElseThrow(NotFound::new);
        OAuth2AuthorizationConsent previous = consents.findById(client.getId(), String.valueOf(userId));
        List<String> scopes = Arrays.stream(scope.split(" ")).filter(s -> !s.equals("openid")).toList();
        Membership account = TokenClaims.chosenAccount(pending)
                .flatMap(accountId -> grants.membership(accountId, userId)).orElse(null);
        return new Consent(OidcClient.of(client), scopes, previous == null ? Set.of() : previous.getScopes(), account,
                account == null ? Set.of() : LiveGrants.shared(account.permissions(), client));
    }
}
