package app.roster.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authorization responses, successful or not, that name their issuer ({@code iss}, RFC 9207), so that a client
 * talking to several providers cannot be tricked into sending one's code to another (mix-up attacks). Spring
 * Authorization Server's own responses are the same without it. An error whose redirect URI is unknown or wrong
 * is not sent back to it: the user sees a page (400).
 */
final class IssuerInResponse implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final String issuer;

    IssuerInResponse(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var granted = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(granted.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, granted.getAuthorizationCode().getTokenValue());
        finish(response, uri, granted.getState());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = ((OAuth2AuthorizationCodeRequestAuthenticationException) exception).getError();
        var refused = ((OAuth2AuthorizationCodeRequestAuthenticationException) exception)
                .getAuthorizationCodeRequestAuthentication();
        if (refused == null || !StringUtils.hasText(refused.getRedirectUri())) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), error.getErrorCode());
            return;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(refused.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
        }
        finish(response, uri, refused.getState());
    }

    private void finish(HttpServletResponse response, UriComponentsBuilder uri, String state) throws IOException {
        if (StringUtils.hasText(state)) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
        }
        uri.queryParam("iss", encode(issuer));
        // build(true): every component is encoded above.
        response.sendRedirect(uri.build(true).toUriString());
    }

    private static String encode(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }
}
