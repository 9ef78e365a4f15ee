package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;

/**
 * Staff created a user from the Admin Area ("Associate User", Create new user). Unlike {@link UserRegistered}
 * it opens no client account of its own: the user joins the account staff chose.
 */
public record UserCreatedByStaff(long userId, String email, Actor actor) implements AuditedEvent {

    @Override
    public Audit audit() {
        return Audit.ofUser("user.created_by_staff", userId, "email", email).by(actor);
    }
}
