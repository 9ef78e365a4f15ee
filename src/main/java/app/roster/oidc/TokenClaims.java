package app.roster.oidc;

import app.roster.membership.Membership;
import app.roster.user.SignIn;
import app.roster.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Roster's ID and access tokens say about the user, read fresh from the database each time a token is made,
 * so a refresh shows the permissions of now and fails once the user is disabled or the membership is gone.
 * {@code sub} is the user id (the same id as the REST API's), never the email. The {@code account} scope adds the
 * account chosen at sign-in ({@link AccountChoice}); {@code accounts} every membership. ID tokens also say how the
 * user signed in: {@code amr} (RFC 8176: {@code pwd}, with {@code otp} and {@code mfa} after a second factor)
 * and {@code acr}.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACCOUNT_HINT = "account_hint";
    static final String ACR_PASSWORD = "urn:roster:acr:password";
    static final String ACR_TWO_FACTOR = "urn:roster:acr:two-factor";

    private final LiveGrants grants;

    TokenClaims(LiveGrants grants) {
        this.grants = grants;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        User user = grants.user(context.getPrincipal().getName())
                .orElseThrow(() -> refused("The user can no longer sign in"));
        Set<String> scopes = context.getAuthorizedScopes();
        JwtClaimsSet.Builder claims = context.getClaims();
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            UserClaims.of(user, scopes).forEach(claims::claim);
            boolean secondFactor = factors(context.getPrincipal()).contains(SignIn.TOTP_FACTOR);
            claims.claim("amr", new ArrayList<>(secondFactor ? List.of("pwd", "otp", "mfa") : List.of("pwd")));
            claims.claim("acr", secondFactor ? ACR_TWO_FACTOR : ACR_PASSWORD);
        }
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            accountClaims(context, user).forEach(claims::claim);
        }
    }

    private Map<String, Object> accountClaims(JwtEncodingContext context, User user) {
        Set<String> scopes = context.getAuthorizedScopes();
        Map<String, Object> claims = new java.util.HashMap<>();
        if (scopes.contains(OidcClient.ACCOUNT_SCOPE)) {
            long accountId = chosenAccount(context.getAuthorization())
                    .orElseThrow(() -> refused("No account was chosen"));
            Membership membership = grants.membership(accountId, user.id())
                    .orElseThrow(() -> refused("The user is no longer a member of the account"));
            claims.put("account", LiveGrants.claim(membership, context.getRegisteredClient()));
        }
        if (scopes.contains(OidcClient.ACCOUNTS_SCOPE)) {
            List<Map<String, Object>> accounts = new ArrayList<>();
            grants.memberships(user.id()).forEach(m -> accounts.add(LiveGrants.claim(m, context.getRegisteredClient())));
            claims.put("accounts", accounts);
        }
        return claims;
    }

    /** The account chosen at sign-in: {@link AccountChoice} makes it the request's {@code account_hint}. */
    static java.util.Optional<Long> chosenAccount(OAuth2Authorization authorization) {
        if (authorization == null) {
            return java.util.Optional.empty();
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object hint = request == null ? null : request.getAdditionalParameters().get(ACCOUNT_HINT);
        return hint instanceof String text ? LiveGrants.id(text) : java.util.Optional.empty();
    }

    static Set<String> factors(Authentication principal) {
        Set<String> factors = new java.util.HashSet<>();
        for (GrantedAuthority authority : principal.getAuthorities()) {
            if (authority instanceof FactorGrantedAuthority) {
                factors.add(authority.getAuthority());
            }
        }
        return factors;
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, why, null));
    }

}
