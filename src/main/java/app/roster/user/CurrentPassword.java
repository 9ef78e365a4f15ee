package app.roster.user;

import app.roster.ratelimit.LoginAttempts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The current password re-entered to confirm a change (password, email, two-factor off, ownership). It
 * spends the same budget as a login, so a stolen session cannot guess the password without limit.
 */
@Component
public class CurrentPassword {

    /** What the re-entered password proved. */
    public enum Check {
        RIGHT, WRONG, TOO_MANY_ATTEMPTS;

        /** The message key for the password field, or null when right. */
        public String problem() {
            return switch (this) {
                case RIGHT -> null;
                case WRONG -> "password.currentWrong";
                case TOO_MANY_ATTEMPTS -> "password.tooManyAttempts";
            };
        }
    }

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts loginAttempts;

    CurrentPassword(Users users, PasswordEncoder passwordEncoder, LoginAttempts loginAttempts) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.loginAttempts = loginAttempts;
    }

    public Check check(long userId, String typed) {
        User user = users.findById(userId).orElseThrow();
        String email = user.email().value();
        if (!loginAttempts.tryAttempt(SignIn.SCOPE, email)) {
            return Check.TOO_MANY_ATTEMPTS;
        }
        if (typed == null || !passwordEncoder.matches(typed, user.passwordHash())) {
            return Check.WRONG;
        }
        loginAttempts.succeeded(SignIn.SCOPE, email);
        return Check.RIGHT;
    }
}
