package relyingparty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The relying party's pages: what Roster said about the signed-in user, a refresh of the access token (which
 * carries the account's permissions of now), revocation of the refresh token, and logout.
 */
@RestController
class RelyingPartyPages {

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();

    RelyingPartyPages(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String claims(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        Map<String, Object> account = user.getClaimAsMap("account");
        return page("Shop", "<dl id=\"claims\">"
                + item("sub", user.getSubject()) + item("email", user.getEmail()) + item("name", user.getFullName())
                + item("account", account == null ? "" : String.valueOf(account.get("name")))
                + item("permissions", account == null ? "" : String.join(",", strings(account.get("permissions"))))
                + item("amr", String.join(",", strings(user.getClaim("amr"))))
                + "</dl><a href=\"/refresh\">Refresh</a>"
                + form("/revoke", "Revoke", request) + form("/logout", "Log out", request));
    }

    /** Always asks Roster, whether or not the access token has expired: the test changes permissions meanwhile. */
    @GetMapping(path = "/refresh", produces = MediaType.TEXT_HTML_VALUE)
    String refresh(HttpServletRequest request, HttpServletResponse response) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient("roster", authentication, request);
        try {
            OAuth2AccessTokenResponse answer = refreshes.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
            authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(client.getClientRegistration(),
                    client.getPrincipalName(), answer.getAccessToken(), answer.getRefreshToken()),
                    authentication, request, response);
            Jwt access = NimbusJwtDecoder.withJwkSetUri(client.getClientRegistration().getProviderDetails()
                    .getJwkSetUri()).build().decode(answer.getAccessToken().getTokenValue());
            Map<String, Object> account = access.getClaimAsMap("account");
            return page("Refreshed", "<p id=\"permissions\">" + escape(String.join(",",
                    strings(account.get("permissions")))) + "</p><a href=\"/\">Back</a>");
        } catch (OAuth2AuthorizationException refused) {
            return page("Refused", "<p id=\"refused\">" + escape(refused.getError().getErrorCode()) + "</p>");
        }
    }

    /** RFC 7009: the refresh token stops working; the session here goes on until it needs a new token. */
    @PostMapping(path = "/revoke", produces = MediaType.TEXT_HTML_VALUE)
    String revoke(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient("roster", authentication, request);
        var registration = client.getClientRegistration();
        String revocation = registration.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint")
                .toString();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", client.getRefreshToken().getTokenValue());
        form.add("token_type_hint", "refresh_token");
        RestClient.create().post().uri(revocation).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> headers.setBasicAuth(registration.getClientId(), registration.getClientSecret()))
                .body(form).retrieve().toBodilessEntity();
        return page("Revoked", "<p id=\"revoked\">Revoked</p><a href=\"/refresh\">Refresh</a>");
    }

    @GetMapping(path = "/signed-out", produces = MediaType.TEXT_HTML_VALUE)
    String signedOut() {
        return page("Signed out", "<p id=\"signed-out\">You are signed out of the shop.</p>");
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private static String item(String name, String value) {
        return "<dt>" + name + "</dt><dd id=\"" + name + "\">" + escape(value == null ? "" : value) + "</dd>";
    }

    private static String form(String action, String label, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"" + csrf.getParameterName()
                + "\" value=\"" + csrf.getToken() + "\"><button type=\"submit\">" + label + "</button></form>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
