package app.roster.staff;

import app.roster.user.PasswordPolicy;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sets a staff member's password from a set-password link: the link is spent in the same transaction. */
@Component
public class SetStaffPassword {

    /** Why the password was not set: a message key for one field, or a spent link. */
    public sealed interface Outcome {
        record Done() implements Outcome {
        }

        record Rejected(String field, String messageKey) implements Outcome {
        }

        record LinkInvalid() implements Outcome {
        }
    }

    private final StaffTokens tokens;
    private final StaffMembers staff;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final StaffSignIn signIn;
    private final ApplicationEventPublisher events;

    SetStaffPassword(StaffTokens tokens, StaffMembers staff, PasswordPolicy policy, PasswordEncoder encoder,
            StaffSignIn signIn, ApplicationEventPublisher events) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.staff = staff;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
    }

    /** Whether the link can still be used; opening the page never spends it. */
    public boolean isUsable(String rawToken) {
        return rawToken != null && tokens.isUsable(rawToken);
    }

    /** Whether the link was ever issued: a used or expired one is no guess. */
    public boolean wasIssued(String rawToken) {
        return rawToken != null && tokens.wasIssued(rawToken);
    }

    @Transactional
    public Outcome set(String rawToken, String password, String confirmation) {
        if (!isUsable(rawToken)) {
            return new Outcome.LinkInvalid();
        }
        Optional<String> problem = policy.problem(password, "admin", "staff");
        if (problem.isPresent()) {
            return new Outcome.Rejected("password", "admin." + problem.get());
        }
        if (!password.equals(confirmation)) {
            return new Outcome.Rejected("confirmation", "admin.password.mismatch");
        }
        Optional<Long> staffId = tokens.consume(rawToken);
        if (staffId.isEmpty()) {
            return new Outcome.LinkInvalid();
        }
        staff.updatePasswordHash(staffId.get(), encoder.encode(password));
        staff.emailOf(staffId.get()).ifPresent(signIn::passwordSet);
        events.publishEvent(new StaffEvents.PasswordSet(staffId.get()));
        return new Outcome.Done();
    }
}
