package app.roster.oidc;

import app.roster.membership.Membership;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The account step of an authorization that asks for the {@code account} scope, before Spring Authorization
 * Server sees the request. A signed-in user with one account goes on with it; with several, the chooser page
 * asks which (a client's {@code account_hint} skips it when the user is a member of that account, and is
 * otherwise ignored); with none, a page says so. The choice travels on as the request's {@code account_hint},
 * which the server keeps with the authorization, and which {@link TokenClaims} checks again at every token.
 */
// Not a @Component: Spring Boot would register it for every request; the chain adds it.
class AccountChoice extends OncePerRequestFilter {

    static final String AUTHORIZE = "/oauth2/authorize";
    static final String CHOOSER = "/oauth2/choose-account";
    static final String NO_ACCOUNT = "/oauth2/no-account";
    static final String CONSENT_PAGE = "/oauth2/consent";

    private final LiveGrants grants;

    AccountChoice(LiveGrants grants) {
        this.grants = grants;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AUTHORIZE.equals(request.getServletPath())
                || request.getParameter(OAuth2ParameterNames.CLIENT_ID) == null
                // The consent form's post: the account was chosen before the consent page.
                || request.getParameter(OAuth2ParameterNames.STATE) != null && "POST".equals(request.getMethod())
                        && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        boolean asksAccount = scope != null && Arrays.asList(scope.split(" ")).contains(OidcClient.ACCOUNT_SCOPE);
        if (!asksAccount || signedIn == null || !signedIn.isAuthenticated()
                || LiveGrants.id(signedIn.getName()).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long userId = Long.parseLong(signedIn.getName());
        if (grants.user(signedIn.getName()).isEmpty()) {
            response.sendRedirect(request.getContextPath() + NO_ACCOUNT);
            return;
        }
        var hint = LiveGrants.id(request.getParameter(TokenClaims.ACCOUNT_HINT));
        if (hint.isPresent() && grants.membership(hint.get(), userId).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        List<Membership> accounts = grants.memberships(userId);
        if (accounts.isEmpty()) {
            response.sendRedirect(request.getContextPath() + NO_ACCOUNT);
        } else if (accounts.size() == 1) {
            chain.doFilter(withHint(request, accounts.getFirst().accountId()), response);
        } else {
            response.sendRedirect(request.getContextPath() + CHOOSER + "?" + queryWithoutHint(request));
        }
    }

    /** The authorization request's parameters again, without any account hint, as a query string. */
    static String queryWithoutHint(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TokenClaims.ACCOUNT_HINT))
                .flatMap(entry -> Arrays.stream(entry.getValue()).map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpServletRequest withHint(HttpServletRequest request, long accountId) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.put(TokenClaims.ACCOUNT_HINT, new String[] {String.valueOf(accountId)});
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(parameters);
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return parameters.get(name);
            }

            @Override
            public String getQueryString() {
                // The server reads GET parameters as the ones named in the query string.
                return "GET".equals(request.getMethod())
                        ? queryWithoutHint(request) + "&" + TokenClaims.ACCOUNT_HINT + "=" + accountId
                        : request.getQueryString();
            }
        };
    }
}
