package app.roster.mail;

import app.roster.shared.BaseUrl;
import app.roster.shared.EmailAddress;
import app.roster.user.EmailChangeAttemptedForExistingEmail;
import app.roster.user.EmailChanged;
import app.roster.user.EmailVerificationRequested;
import app.roster.user.PasswordChanged;
import app.roster.user.PasswordResetRequested;
import app.roster.user.RegistrationAttemptedForExistingEmail;
import app.roster.user.SetPasswordRequested;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The user module's emails. Plain synchronous listeners on purpose: they run inside the publisher's
 * transaction, so the outbox row commits or rolls back with the change (rule 13).
 */
@Component
class UserEmails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final String resetPage;

    UserEmails(MailComposer composer, Outbox outbox, BaseUrl baseUrl) {
        this.composer = composer;
        this.outbox = outbox;
        this.resetPage = baseUrl.path("/password/forgot").toUriString();
    }

    @EventListener
    void on(EmailVerificationRequested event) {
        outbox.enqueue(composer.compose("verify-email", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "link", event.link(),
                "expiresAt", MailComposer.dateTime(event.expiresAt(), event.language()))));
    }

    @EventListener
    void on(PasswordResetRequested event) {
        outbox.enqueue(composer.compose("reset-password", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "link", event.link(),
                "expiresAt", MailComposer.dateTime(event.expiresAt(), event.language()))));
    }

    /** A user staff created: their first password, chosen on the reset page. */
    @EventListener
    void on(SetPasswordRequested event) {
        outbox.enqueue(composer.compose("set-password", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "email", event.email(), "link", event.link(),
                "expiresAt", MailComposer.dateTime(event.expiresAt(), event.language()))));
    }

    @EventListener
    void on(PasswordChanged event) {
        outbox.enqueue(composer.compose("password-changed", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "byReset", event.byReset(), "resetLink", resetPage)));
    }

    /** Sent to the old address: if the change was not the owner's doing, that is where they still read mail. */
    @EventListener
    void on(EmailChanged event) {
        outbox.enqueue(composer.compose("email-changed", event.oldEmail(), event.language(), Map.of(
                "firstName", name(event.firstName()), "newEmail", EmailAddress.of(event.newEmail()).masked(),
                "resetLink", resetPage)));
    }

    @EventListener
    void on(RegistrationAttemptedForExistingEmail event) {
        outbox.enqueue(composer.compose("registration-attempted", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "loginLink", event.loginLink(), "resetLink", event.resetLink())));
    }

    /** Sent to a user whose address someone else tried to move their login to; that person is told nothing. */
    @EventListener
    void on(EmailChangeAttemptedForExistingEmail event) {
        outbox.enqueue(composer.compose("email-change-attempted", event.email(), event.language(), Map.of(
                "firstName", name(event.firstName()), "loginLink", event.loginLink(), "resetLink", event.resetLink())));
    }

    /** Map.of refuses nulls, and a failing listener would roll back the user's change: greet without a name. */
    private static String name(String firstName) {
        return firstName == null ? "" : firstName;
    }
}
