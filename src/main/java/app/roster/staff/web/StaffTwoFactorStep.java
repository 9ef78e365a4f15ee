package app.roster.staff.web;

import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The step between a staff member's correct password and their login, as the Client Area's: the session
 * holds only a short-lived "password checked" marker, which grants nothing, until a valid code arrives.
 */
final class StaffTwoFactorStep {

    static final String PENDING = StaffTwoFactorStep.class.getName() + ".PENDING";
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 5;

    record Pending(SignedInStaff principal, Instant expiresAt, int attempts) implements Serializable {
    }

    private final SecurityContextRepository contexts;
    private final StaffSignIn signIn;
    private final Clock clock;

    StaffTwoFactorStep(SecurityContextRepository contexts, StaffSignIn signIn, Clock clock) {
        this.contexts = contexts;
        this.signIn = signIn;
        this.clock = clock;
    }

    void begin(HttpServletRequest request, HttpServletResponse response, SignedInStaff principal) {
        // The form login filter already stored the authentication: take it back until the code is checked.
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.getSession().setAttribute(PENDING, new Pending(principal, clock.instant().plus(VALIDITY), 0));
    }

    Optional<SignedInStaff> pending(HttpServletRequest request) {
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

    /** A wrong or replayed code: counted in the session (its slot of the address's budget is already taken). */
    void countFailure(HttpServletRequest request, SignedInStaff principal) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
            session.setAttribute(PENDING, new Pending(pending.principal(), pending.expiresAt(), pending.attempts() + 1));
        }
        signIn.failed(principal.email());
    }

    void finish(HttpServletRequest request, HttpServletResponse response, SignedInStaff principal) {
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
        complete(request, response, principal);
    }

    /** The staff member is logged in: the context is stored under the Admin Area's own session key. */
    void complete(HttpServletRequest request, HttpServletResponse response, SignedInStaff principal) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        signIn.succeeded(principal, request, response);
    }
}
