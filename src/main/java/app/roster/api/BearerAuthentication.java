package app.roster.api;

import app.roster.shared.ClientIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer …} and nothing else: no session, no cookie, no parameter. A credential that
 * does not open the API is answered 401 here; a request without one goes on as anonymous and is answered 401 by
 * the chain's entry point.
 */
final class BearerAuthentication extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiCredentials credentials;
    private final ApiEntryPoint entryPoint;

    BearerAuthentication(ApiCredentials credentials, ApiEntryPoint entryPoint) {
        this.credentials = credentials;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCaller> caller = header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? credentials.authenticate(header.substring(SCHEME.length()).strip(), clientIp(request))
                : Optional.empty();
        if (caller.isEmpty()) {
            entryPoint.refuseCredential(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String clientIp(HttpServletRequest request) {
        return request.getAttribute(ClientIp.REQUEST_ATTRIBUTE) instanceof ClientIp ip ? ip.value()
                : request.getRemoteAddr();
    }
}
