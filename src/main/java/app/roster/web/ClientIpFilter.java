package app.roster.web;

import app.roster.shared.ClientIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the client IP once per request. X-Forwarded-For is believed only when the direct peer is a
 * configured trusted proxy; otherwise anybody could pick the IP that rate limits and the audit see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientIpFilter extends OncePerRequestFilter {

    private final Set<String> trustedProxies;

    ClientIpFilter(WebSettings settings) {
        this.trustedProxies = Set.copyOf(settings.trustedProxies());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ClientIp.REQUEST_ATTRIBUTE, new ClientIp(resolve(request)));
        chain.doFilter(request, response);
    }

    String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        // Walk from the right: the first address that is not one of our proxies is the client.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 45 ? peer : hop;
            }
        }
        return peer;
    }
}
