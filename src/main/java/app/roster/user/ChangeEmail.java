package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new login address. The user's own change takes effect only when the link sent to the new address is used,
 * so a taken address can be answered exactly like a free one (its owner is told by email instead): the page,
 * the profile and the security events show the same pending change either way. An Administrator sets an
 * address at once.
 * Either way the old address is told, and reset links issued for the old address die.
 */
@Service
public class ChangeEmail {

    private final Users users;
    private final UserTokens tokens;
    private final UserSettings settings;
    private final CurrentPassword confirmation;
    private final EmailVerification verification;
    private final List<EmailChangeRule> rules;
    private final Links links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeEmail(Users users, UserTokens tokens, UserSettings settings, CurrentPassword confirmation,
            EmailVerification verification, List<EmailChangeRule> rules, Links links, ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
        this.confirmation = confirmation;
        this.verification = verification;
        this.rules = rules;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the password and the rules, then sends the link; empty means "check your new address". */
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
        Optional<FieldProblem> refused = refusal(userId, newEmail);
        if (refused.isPresent()) {
            return refused;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokens().verificationValidity());
        // Issued for a taken address too (and never sent), so that both show the same pending change.
        var token = tokens.issue(userId, UserTokens.Purpose.CHANGE_EMAIL, newEmail.value(), now, expiresAt);
        events.publishEvent(new EmailChangeRequested(userId, newEmail.value()));
        users.findByEmail(newEmail).ifPresentOrElse(
                holder -> events.publishEvent(new EmailChangeAttemptedForExistingEmail(holder.id(),
                        holder.email().value(), holder.firstName(), holder.language().locale(), links.to("/login"),
                        links.to("/password/forgot"))),
                () -> events.publishEvent(new EmailVerificationRequested(userId, newEmail.value(), user.firstName(),
                        user.language().locale(), links.withToken("/verify-email", token.value()), expiresAt)));
        return Optional.empty();
    }

    /** The address the user asked to move to, while its link works. */
    public Optional<String> pending(long userId) {
        return tokens.outstanding(userId, UserTokens.Purpose.CHANGE_EMAIL, clock.instant());
    }

    /**
     * The link sent to the new address: the address becomes the user's, verified. False when the link is not
     * valid, or the address was taken or stopped being allowed meanwhile.
     */
    @Transactional
    public boolean confirm(String rawToken) {
        var redeemed = tokens.redeem(rawToken, UserTokens.Purpose.CHANGE_EMAIL, clock.instant());
        if (redeemed.isEmpty()) {
            return false;
        }
        Optional<User> user = users.findById(redeemed.get().userId());
        EmailAddress newEmail = EmailAddress.of(redeemed.get().email());
        if (user.isEmpty() || users.findByEmail(newEmail).isPresent()
                || refusal(user.get().id(), newEmail).isPresent()) {
            return false;
        }
        moveTo(user.get(), newEmail, null);
        users.markVerified(user.get().id(), newEmail);
        events.publishEvent(new EmailVerification.EmailVerified(user.get().id(), newEmail.value()));
        return true;
    }

    /**
     * An Administrator sets a new address: no password and no link first, but otherwise as the user's own change
     * (verify again, the old address told). Unchanged is no problem here; a taken address is a
     * {@link FieldProblem}, without saying whose, and so is an address the account rules refuse.
     */
    @Transactional
    public void set(Actor actor, long userId, EmailAddress newEmail) {
        StaffOnly.requireAdministrator(actor);
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (newEmail.equals(user.email())) {
            return;
        }
        if (users.findByEmail(newEmail).isPresent()) {
            throw new FieldProblem("email", "email.taken");
        }
        Optional<FieldProblem> refused = refusal(userId, newEmail);
        if (refused.isPresent()) {
            throw refused.get();
        }
        moveTo(user, newEmail, actor);
        verification.send(userId);
    }

    private Optional<FieldProblem> refusal(long userId, EmailAddress newEmail) {
        return rules.stream().flatMap(rule -> rule.refusal(userId, newEmail).stream()).findFirst();
    }

    private void moveTo(User user, EmailAddress newEmail, Actor actor) {
        users.updateEmail(user.id(), newEmail);
        tokens.revoke(user.id(), clock.instant(), UserTokens.Purpose.RESET_PASSWORD, UserTokens.Purpose.CHANGE_EMAIL,
                UserTokens.Purpose.VERIFY_EMAIL);
        events.publishEvent(new EmailChanged(user.id(), user.email().value(), newEmail.value(), user.firstName(),
                user.language().locale(), actor));
    }
}
