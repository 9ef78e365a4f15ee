package app.roster.oidc;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Spring Authorization Server keeps the signed-in principal in each authorization (as JSON, with the security
 * modules' allow-list). Roster gives it the plain facts only, the user id as the name and the authorities (the
 * login's factors and when, for {@code auth_time} and {@code amr}), not the Client Area's principal object.
 */
final class PlainPrincipal implements AuthenticationConverter {

    private final AuthenticationConverter converter;

    PlainPrincipal(AuthenticationConverter converter) {
        this.converter = converter;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = converter.convert(request);
        return switch (converted) {
            case OAuth2AuthorizationCodeRequestAuthenticationToken code
                    when plain((Authentication) code.getPrincipal()) != code.getPrincipal() ->
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(code.getAuthorizationUri(), code.getClientId(),
                            plain((Authentication) code.getPrincipal()), code.getRedirectUri(), code.getState(),
                            code.getScopes(), code.getAdditionalParameters());
            case OAuth2AuthorizationConsentAuthenticationToken consent
                    when plain((Authentication) consent.getPrincipal()) != consent.getPrincipal() ->
                    new OAuth2AuthorizationConsentAuthenticationToken(consent.getAuthorizationUri(),
                            consent.getClientId(), plain((Authentication) consent.getPrincipal()), consent.getState(),
                            consent.getScopes(), consent.getAdditionalParameters());
            case null, default -> converted;
        };
    }

    static Authentication plain(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication instanceof UsernamePasswordAuthenticationToken)
                || authentication.getPrincipal() instanceof String) {
            return authentication;
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                authentication.getAuthorities());
    }
}
