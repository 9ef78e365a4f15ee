package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Locale;

/** The login address changed (by the user's link, or set by staff); the old address receives a notice. */
public record EmailChanged(long userId, String oldEmail, String newEmail, String firstName, Locale language,
        Actor actor) implements AuditedEvent {

    @Override
    public Audit audit() {
        return Audit.ofUser("user.email_changed", userId, "from", oldEmail, "to", newEmail).by(actor);
    }
}
