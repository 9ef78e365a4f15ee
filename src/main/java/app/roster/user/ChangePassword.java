package app.roster.user;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Current password, then the new one; every other session of the user ends. */
@Service
public class ChangePassword {

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentPassword confirmation;
    private final PasswordPolicy policy;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;

    ChangePassword(Users users, PasswordEncoder passwordEncoder, CurrentPassword confirmation, PasswordPolicy policy,
            UserSessions sessions, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.confirmation = confirmation;
        this.policy = policy;
        this.sessions = sessions;
        this.events = events;
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
        Optional<String> problem = policy.problem(newPassword, user.email().value(), user.firstName(), user.lastName());
        if (problem.isPresent()) {
            return Optional.of(new FieldProblem("newPassword", problem.get()));
        }
        users.updatePasswordHash(userId, passwordEncoder.encode(newPassword));
        sessions.endAllExcept(userId, currentSessionId);
        events.publishEvent(new PasswordChanged(userId, user.email().value(), user.firstName(),
                user.language().locale(), false));
        return Optional.empty();
    }
}
