package app.roster.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last net: an API request that still reaches the servlet container's error dispatch (a failure in a filter,
 * a request the container or the firewall refused) gets a problem document, never the error page. Registered for
 * the ERROR dispatch only, ahead of the security chains.
 */
final class ApiErrorDispatch extends OncePerRequestFilter {

    private final ApiProblems problems;

    ApiErrorDispatch(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(failed instanceof String path) || !ApiPaths.isApi(path.substring(Math.min(path.length(),
                request.getContextPath().length())))) {
            chain.doFilter(request, response);
            return;
        }
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : null;
        if (status == null || status.is5xxServerError()) {
            problems.write(response, problems.of(new FailedRequest(request, path), HttpStatus.INTERNAL_SERVER_ERROR,
                    "server-error"));
            return;
        }
        String kind = switch (status) {
            case NOT_FOUND -> "no-route";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "too-large";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> "invalid-request";
        };
        problems.write(response, problems.of(new FailedRequest(request, path), status, kind, request.getMethod()));
    }

    /** The error dispatch seen with the failed request's path, for the problem's {@code instance}. */
    private static final class FailedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String path;

        FailedRequest(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }
    }
}
