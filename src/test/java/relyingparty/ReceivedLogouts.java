package relyingparty;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The logout tokens Roster posted to this application's back-channel endpoint, kept for the test to look at;
 * Spring Security's own filter, right behind, verifies them and ends the sessions.
 */
public class ReceivedLogouts {

    private final List<String> tokens = new CopyOnWriteArrayList<>();

    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** Not a bean: Spring Boot would also register it with the servlet container, ahead of the security chain. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().startsWith("/logout/connect/back-channel/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String token = request.getParameter("logout_token");
                if (token != null) {
                    tokens.add(token);
                }
                chain.doFilter(request, response);
            }
        };
    }
}
