package app.roster.user;

import app.roster.ratelimit.LoginAttempts;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Current password, then the new one; every other session of the user ends, and so do their outstanding
 * reset links and a pending address change (someone who knew the old password may have asked for them).
 */
@Service
public class ChangePassword {

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentPassword confirmation;
    private final PasswordPolicy policy;
    private final PasswordWords words;
    private final UserTokens tokens;
    private final UserSessions sessions;
    private final LoginAttempts loginAttempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangePassword(Users users, PasswordEncoder passwordEncoder, CurrentPassword confirmation, PasswordPolicy policy,
            PasswordWords words, UserTokens tokens, UserSessions sessions, LoginAttempts loginAttempts,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.confirmation = confirmation;
        this.policy = policy;
        this.words = words;
        this.tokens = tokens;
        this.sessions = sessions;
        this.loginAttempts = loginAttempts;
        this.events = events;
        this.clock = clock;
    }

    /** The field and message key of the problem, or empty when the password was changed. */
    @Transactional
    public Optional<FieldProblem> change(long userId, String currentPassword, String newPassword,
            String currentSessionId) {
        User user = users.findById(userId).orElseThrow();
        CurrentPassword.Check check = confirmation.check(userId, currentPassword);
        if (check != CurrentPassword.Check.RIGHT) {
            return Optional.of(new FieldProblem("currentPassword", check.problem()));
        }
        Optional<String> problem = policy.problem(newPassword, words.of(user));
        if (problem.isPresent()) {
            return Optional.of(new FieldProblem("newPassword", problem.get()));
        }
        users.updatePasswordHash(userId, passwordEncoder.encode(newPassword));
        tokens.revoke(userId, clock.instant(), UserTokens.Purpose.RESET_PASSWORD, UserTokens.Purpose.CHANGE_EMAIL);
        sessions.endAllExcept(userId, currentSessionId);
        loginAttempts.passwordChanged(SignIn.SCOPE, user.email().value());
        events.publishEvent(new PasswordChanged(userId, user.email().value(), user.firstName(),
                user.language().locale(), false));
        return Optional.empty();
    }
}
