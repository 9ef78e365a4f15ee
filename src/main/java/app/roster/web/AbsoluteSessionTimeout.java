package app.roster.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Ends a session that is older than the absolute timeout, however active it was. */
@Component
public class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final long maxAgeMillis;

    AbsoluteSessionTimeout(WebSettings settings) {
        this.maxAgeMillis = settings.session().absoluteTimeout().toMillis();
    }

    public Duration maxAge() {
        return Duration.ofMillis(maxAgeMillis);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > maxAgeMillis) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            boolean adminArea = request.getServletPath().startsWith("/admin");
            response.sendRedirect(request.getContextPath() + (adminArea ? "/admin/login" : "/login") + "?expired");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
