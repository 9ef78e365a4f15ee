package app.roster.ratelimit;

import app.roster.shared.ClientIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login POST once the typed address or the client IP has too many recent failures, before any
 * password is checked. Each area registers one, for its own login path and scope.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final String scope;
    private final String loginPath;

    public LoginThrottle(LoginAttempts attempts, String scope, String loginPath) {
        this.attempts = attempts;
        this.scope = scope;
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = ClientIp.current().map(ClientIp::value).orElse(request.getRemoteAddr());
        if (attempts.isBlocked(scope, request.getParameter("email"), ip)) {
            response.sendRedirect(request.getContextPath() + loginPath + "?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
