package app.roster.user;

import app.roster.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login POST once the typed address or the client IP has too many recent failures, before any
 * password is checked. It answers the same for known and unknown addresses.
 */
@Component
@Order(-101) // just before Spring Security's filter chain (-100)
class LoginThrottle extends OncePerRequestFilter {

    private final RateLimiter rateLimiter;
    private final UserSettings.Login settings;

    LoginThrottle(RateLimiter rateLimiter, UserSettings settings) {
        this.rateLimiter = rateLimiter;
        this.settings = settings.login();
    }

    static String emailBucket(String email) {
        return "login:email:" + email;
    }

    static String ipBucket(String ip) {
        return "login:ip:" + ip;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = SignIn.canonicalOrPrintable(request.getParameter("email"));
        String ip = SignIn.clientIp(request);
        if (rateLimiter.isExhausted(emailBucket(email), settings.maxAttemptsPerEmail(), settings.window())
                || rateLimiter.isExhausted(ipBucket(ip), settings.maxAttemptsPerIp(), settings.window())) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
