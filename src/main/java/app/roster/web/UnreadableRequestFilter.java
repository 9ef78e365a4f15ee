package app.roster.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters before anything else asks for them, so that a body Tomcat cannot read (a
 * form larger than the connector's limit, a broken multipart body) is answered here: the error page with 413 or
 * 400 and one WARN line. Left to the first {@code getParameter} (the CSRF filter, a controller), Tomcat's
 * exception escaped as a server error, logged at ERROR with its stack trace; and since Tomcat throws it again at
 * every later {@code getParameter}, the error page failed too. So the page is rendered here, for a request that
 * has no parameters. Runs after the character-encoding filter, which must set UTF-8 before the first read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            refuse(request, response, unreadable);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, IllegalStateException e)
            throws ServletException, IOException {
        int status = e instanceof InvalidParameterException invalid && invalid.getErrorCode() > 0
                ? invalid.getErrorCode() : HttpStatus.BAD_REQUEST.value();
        // The client's mistake, not ours: one line, no stack trace, and no query string (it may hold a token).
        log.warn("Refused an unreadable {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
                rootCause(e).getClass().getSimpleName());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(status);
        request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The request as the error page sees it: nothing Tomcat could not read. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
