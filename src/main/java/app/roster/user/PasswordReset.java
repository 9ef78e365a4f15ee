package app.roster.user;

import app.roster.ratelimit.LoginAttempts;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgot password: a one-hour single-use link; a new password ends every session of the user, every other
 * reset link and a pending address change.
 */
@Service
public class PasswordReset {

    private final Users users;
    private final UserTokens tokens;
    private final UserSettings settings;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final PasswordWords words;
    private final UserSessions sessions;
    private final Links links;
    private final LoginAttempts loginAttempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordReset(Users users, UserTokens tokens, UserSettings settings, PasswordEncoder passwordEncoder,
            PasswordPolicy policy, PasswordWords words, UserSessions sessions, Links links, LoginAttempts loginAttempts,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.words = words;
        this.sessions = sessions;
        this.links = links;
        this.loginAttempts = loginAttempts;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a link if the address is known; the caller answers the same either way. */
    @Transactional
    public void request(EmailAddress email) {
        users.findByEmail(email).filter(user -> !user.disabled()).ifPresent(this::issueLink);
    }

    /** A link to the address on file: nobody but the user ever chooses their password. */
    private void issueLink(User user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokens().resetValidity());
        var token = tokens.issue(user.id(), UserTokens.Purpose.RESET_PASSWORD, user.email().value(), now, expiresAt);
        events.publishEvent(new PasswordResetRequested(user.id(), user.email().value(), user.firstName(),
                user.language().locale(), links.withToken("/password/reset", token.value()), expiresAt));
    }

    /**
     * Staff "Send Password Reset Email", Support included: also for a disabled user, whom it does not enable.
     * Audited.
     */
    @Transactional
    public void sendLink(Actor actor, long userId) {
        StaffOnly.requireStaff(actor);
        User user = users.findById(userId).orElseThrow(NotFound::new);
        issueLink(user);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.PASSWORD_RESET_SENT, user,
                actor));
    }

    public boolean isValid(String rawToken) {
        return tokens.peek(rawToken, UserTokens.Purpose.RESET_PASSWORD, clock.instant()).isPresent();
    }

    /** Whether the link was ever issued: a used or expired one is no guess. */
    public boolean wasIssued(String rawToken) {
        return tokens.wasIssued(rawToken, UserTokens.Purpose.RESET_PASSWORD);
    }

    /** The message key of a policy problem, or empty when the password was set. */
    @Transactional
    public Optional<String> complete(String rawToken, String newPassword) throws InvalidTokenException {
        var pending = tokens.peek(rawToken, UserTokens.Purpose.RESET_PASSWORD, clock.instant())
                .orElseThrow(InvalidTokenException::new);
        User user = users.findById(pending.userId()).orElseThrow(InvalidTokenException::new);
        Optional<String> problem = policy.problem(newPassword, words.of(user));
        if (problem.isPresent()) {
            return problem;
        }
        tokens.redeem(rawToken, UserTokens.Purpose.RESET_PASSWORD, clock.instant())
                .orElseThrow(InvalidTokenException::new);
        users.updatePasswordHash(user.id(), passwordEncoder.encode(newPassword));
        tokens.revoke(user.id(), clock.instant(), UserTokens.Purpose.RESET_PASSWORD, UserTokens.Purpose.CHANGE_EMAIL);
        sessions.endAll(user.id());
        // Only the owner of the address gets here: failures of guessers no longer keep them out.
        loginAttempts.lift(SignIn.SCOPE, user.email().value());
        loginAttempts.passwordChanged(SignIn.SCOPE, user.email().value());
        events.publishEvent(new PasswordChanged(user.id(), user.email().value(), user.firstName(),
                user.language().locale(), true));
        return Optional.empty();
    }

    /** The link is unknown, used or expired. */
    public static class InvalidTokenException extends Exception {
        public InvalidTokenException() {
            super("Invalid or expired link", null, false, false);
        }
    }
}
