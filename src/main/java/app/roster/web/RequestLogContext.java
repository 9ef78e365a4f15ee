package app.roster.web;

import app.roster.shared.ClientIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id and the client IP into every log line of the request (MDC keys {@code http.request.id} and
 * {@code client.ip}, as Elastic's schema names them). The id is the caller's {@code X-Request-Id} when it looks like
 * one (a proxy's), otherwise a new one; it is sent back in the same header. Runs right after the client IP is
 * resolved, and again for the error page of the same request, so its lines carry the id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogContext extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "http.request.id";
    static final String CLIENT_IP = "client.ip";
    private static final String ATTRIBUTE = RequestLogContext.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestId(request);
        response.setHeader(HEADER, id);
        MDC.put(REQUEST_ID, id);
        if (request.getAttribute(ClientIp.REQUEST_ATTRIBUTE) instanceof ClientIp ip) {
            MDC.put(CLIENT_IP, ip.value());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // Also what later filters and features added (user, account): nothing outlives its request.
            MDC.clear();
        }
    }

    private static String requestId(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
