package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.NotFound;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new login address: the current password confirms it, the new address must be verified again, and the
 * old address is told. A taken address answers like any other to the page, and changes nothing.
 */
@Service
public class ChangeEmail {

    private final Users users;
    private final CurrentPassword confirmation;
    private final EmailVerification verification;
    private final ApplicationEventPublisher events;

    ChangeEmail(Users users, CurrentPassword confirmation, EmailVerification verification,
            ApplicationEventPublisher events) {
        this.users = users;
        this.confirmation = confirmation;
        this.verification = verification;
        this.events = events;
    }

    @Transactional
    public Optional<FieldProblem> change(long userId, String currentPassword, EmailAddress newEmail) {
        User user = users.findById(userId).orElseThrow();
        CurrentPassword.Check check = confirmation.check(userId, currentPassword);
        if (check != CurrentPassword.Check.RIGHT) {
            return Optional.of(new FieldProblem("currentPassword", check.problem()));
        }
        if (newEmail.equals(user.email())) {
            return Optional.of(new FieldProblem("email", "email.unchanged"));
        }
        return changeTo(user, newEmail);
    }

    /**
     * Staff set a new address: no password, but otherwise as the user's own change (verify again, the old
     * address told). Unchanged is no problem here; a taken address is, without saying whose.
     */
    @Transactional
    public Optional<FieldProblem> byStaff(long userId, EmailAddress newEmail) {
        User user = users.findById(userId).orElseThrow(NotFound::new);
        return newEmail.equals(user.email()) ? Optional.empty() : changeTo(user, newEmail);
    }

    private Optional<FieldProblem> changeTo(User user, EmailAddress newEmail) {
        long userId = user.id();
        if (users.findByEmail(newEmail).isPresent()) {
            return Optional.of(new FieldProblem("email", "email.taken"));
        }
        users.updateEmail(userId, newEmail);
        events.publishEvent(new EmailChanged(userId, user.email().value(), newEmail.value(), user.firstName(),
                user.language().locale()));
        verification.send(userId);
        return Optional.empty();
    }
}
