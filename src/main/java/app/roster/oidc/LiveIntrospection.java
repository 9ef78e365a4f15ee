package app.roster.oidc;

import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * Introspection (RFC 7662) that also asks whether the token's user may still sign in and, for a token carrying an
 * account, whether the membership still exists: otherwise {@code active: false}, though the token has not expired.
 */
final class LiveIntrospection implements AuthenticationProvider {

    private final AuthenticationProvider introspection;
    private final LiveGrants grants;

    LiveIntrospection(AuthenticationProvider introspection, LiveGrants grants) {
        this.introspection = introspection;
        this.grants = grants;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication answer = introspection.authenticate(authentication);
        if (!(answer instanceof OAuth2TokenIntrospectionAuthenticationToken result) || !result.getTokenClaims().isActive()
                || stillValid(result.getTokenClaims())) {
            return answer;
        }
        return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(),
                (Authentication) result.getPrincipal(), OAuth2TokenIntrospection.builder().build());
    }

    private boolean stillValid(OAuth2TokenIntrospection claims) {
        Object subject = claims.getClaims().get("sub");
        if (!(subject instanceof String sub) || LiveGrants.id(sub).isEmpty()) {
            // A client credentials token names its client, not a user.
            return true;
        }
        if (grants.user(sub).isEmpty()) {
            return false;
        }
        if (claims.getClaims().get("account") instanceof Map<?, ?> account && account.get("id") instanceof String id) {
            return LiveGrants.id(id).flatMap(accountId -> grants.membership(accountId, Long.parseLong(sub)))
                    .isPresent();
        }
        return true;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return introspection.supports(authentication);
    }
}
