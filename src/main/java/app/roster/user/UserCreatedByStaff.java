package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Map;

/**
 * Staff created a user from the Admin Area ("Associate User", Create new user). Unlike {@link UserRegistered}
 * it opens no client account of its own: the user joins the account staff chose.
 */
public record UserCreatedByStaff(long userId, String email) implements AuditedEvent {

    @Override
    public String action() {
        return "user.created_by_staff";
    }

    @Override
    public Long auditedUserId() {
        return userId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("email", email);
    }
}
