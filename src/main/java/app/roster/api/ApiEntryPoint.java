package app.roster.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) for a request without a credential or with one that opens
 * nothing, one answer for every reason (malformed, unknown, wrong secret, expired, revoked), so that a guess
 * learns nothing; 403 for what the chain itself denies.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Bearer realm=\"Roster API\"";

    private final ApiProblems problems;

    ApiEntryPoint(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException missing)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        problems.write(response, problems.of(request, HttpStatus.UNAUTHORIZED, "unauthorized"));
    }

    void refuseCredential(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
        problems.write(response, problems.of(request, HttpStatus.UNAUTHORIZED, "unauthorized", "invalid-credential",
                problems.message("api.problem.invalid-credential.detail", null, problems.locale(request)), null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, problems.of(request, HttpStatus.FORBIDDEN, "forbidden"));
    }
}
