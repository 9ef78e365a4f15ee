package app.roster.web;

import app.roster.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Once the security chain knows who is asking: MDC {@code user.id}, {@code user:12} or {@code staff:3} (never a
 * name or an address), as the security events name the actor. {@link RequestLogContext} clears it afterwards.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class ActorLogContext extends OncePerRequestFilter {

    static final String USER_ID = "user.id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor.Principal actor) {
            MDC.put(USER_ID, actor.actorType().name().toLowerCase(Locale.ROOT) + ":" + actor.actorId());
        }
        chain.doFilter(request, response);
    }
}
