package app.roster.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The step between a correct password and a full login: the session holds only a short-lived "password
 * checked" marker, which grants nothing, until a valid code arrives.
 */
@Component
public class TwoFactorLogin {

    static final String PENDING = TwoFactorLogin.class.getName() + ".PENDING";
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 5;

    record Pending(SignedInUser principal, Instant expiresAt, int attempts) implements Serializable {
    }

    private final Clock clock;

    TwoFactorLogin(Clock clock) {
        this.clock = clock;
    }

    void begin(HttpServletRequest request, HttpServletResponse response, SignedInUser principal) {
        // The form login filter already stored the authentication: take it back until the code is checked.
        SecurityContextHolder.clearContext();
        new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request,
                response);
        request.getSession().setAttribute(PENDING, new Pending(principal, clock.instant().plus(VALIDITY), 0));
    }

    public Optional<SignedInUser> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(pending.expiresAt()) || pending.attempts() >= MAX_ATTEMPTS) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending.principal());
    }

    public void countFailure(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
            session.setAttribute(PENDING, new Pending(pending.principal(), pending.expiresAt(), pending.attempts() + 1));
        }
    }

    public void finish(HttpServletRequest request) {
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
    }
}
