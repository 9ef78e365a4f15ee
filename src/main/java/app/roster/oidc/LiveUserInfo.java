package app.roster.oidc;

import app.roster.user.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * The userinfo endpoint answers from the database, not from the ID token: the user's claims as they are now, and
 * the chosen account's permissions of now; a disabled user or an ended membership makes it refuse the token.
 */
@Component
class LiveUserInfo implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final LiveGrants grants;
    private final RegisteredClientRepository clients;

    LiveUserInfo(LiveGrants grants, RegisteredClientRepository clients) {
        this.grants = grants;
        this.clients = clients;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        User user = grants.user(authorization.getPrincipalName())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        Set<String> scopes = context.getAccessToken().getScopes();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", String.valueOf(user.id()));
        claims.putAll(UserClaims.of(user, scopes));
        if (scopes.contains(OidcClient.ACCOUNT_SCOPE)) {
            var client = clients.findById(authorization.getRegisteredClientId());
            long accountId = TokenClaims.chosenAccount(authorization)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
            var membership = grants.membership(accountId, user.id())
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
            claims.put("account", LiveGrants.claim(membership, client));
        }
        return new OidcUserInfo(claims);
    }
}
