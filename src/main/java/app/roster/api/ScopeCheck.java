package app.roster.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Each API route's {@link RequiresScope}, checked before the controller runs; a route without one is closed. */
final class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            throw new IllegalStateException("API route without @RequiresScope: " + method.getShortLogMessage());
        }
        ApiCaller caller = caller(SecurityContextHolder.getContext().getAuthentication());
        if (!Arrays.stream(required.value()).allMatch(caller::may)) {
            throw new MissingScope(List.of(required.value()));
        }
        return true;
    }

    static ApiCaller caller(Authentication authentication) {
        if (authentication instanceof ApiAuthentication api) {
            return api.getPrincipal();
        }
        throw new AccessDeniedException("Not an API caller");
    }
}
