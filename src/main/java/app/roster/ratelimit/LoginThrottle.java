package app.roster.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the slot of a login POST before any password is checked, and refuses the POST when the typed
 * address, the client IP or the known browser has no slot left. Each area registers one, for its own login
 * path and scope.
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
        if (!attempts.tryAttempt(scope, request.getParameter("email"))) {
            response.sendRedirect(request.getContextPath() + loginPath + "?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
