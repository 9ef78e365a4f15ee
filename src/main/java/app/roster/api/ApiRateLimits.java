package app.roster.api;

import app.roster.ratelimit.RateLimiter;
import app.roster.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-credential limits, counted in the database so they hold across nodes. Every authenticated answer tells the
 * client where it stands with the IETF draft's headers ({@code RateLimit-Policy: "credential";q=1200;w=60} and
 * {@code RateLimit: "credential";r=1187;t=42}); past the limit, 429 with {@code Retry-After}.
 */
final class ApiRateLimits extends OncePerRequestFilter {

    static final String POLICY = "credential";

    private final RateLimiter limiter;
    private final ApiSettings.RateLimit settings;
    private final ApiProblems problems;

    ApiRateLimits(RateLimiter limiter, ApiSettings.RateLimit settings, ApiProblems problems) {
        this.limiter = limiter;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ApiAuthentication authentication)) {
            chain.doFilter(request, response);
            return;
        }
        ApiCaller caller = authentication.getPrincipal();
        int limit = caller.actor() instanceof Actor.ApiKey ? settings.apiKey() : settings.token();
        RateLimiter.Slot slot = limiter.take(caller.bucket(), limit, settings.window());
        long reset = Math.max(1, (slot.reset().toMillis() + 999) / 1000);
        response.setHeader("RateLimit-Policy", "\"" + POLICY + "\";q=" + limit + ";w=" + settings.window().toSeconds());
        response.setHeader("RateLimit", "\"" + POLICY + "\";r=" + slot.remaining() + ";t=" + reset);
        if (!slot.taken()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(reset));
            problems.write(response, problems.of(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", reset));
            return;
        }
        chain.doFilter(request, response);
    }
}
