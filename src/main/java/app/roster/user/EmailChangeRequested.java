package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;

/**
 * A user asked to move to a new address, which changes nothing until the link sent to it is used. Recorded
 * the same whether or not the address is free, so the user's own security events reveal nothing either.
 */
public record EmailChangeRequested(long userId, String newEmail) implements AuditedEvent {

    @Override
    public Audit audit() {
        return Audit.ofUser("user.email_change_requested", userId, "to", newEmail);
    }
}
