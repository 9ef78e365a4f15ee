package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Map;

/**
 * A user asked to move to a new address, which changes nothing until the link sent to it is used. Recorded
 * the same whether or not the address is free, so the user's own security events reveal nothing either.
 */
public record EmailChangeRequested(long userId, String newEmail) implements AuditedEvent {

    @Override
    public Long auditedUserId() {
        return userId;
    }

    @Override
    public String action() {
        return "user.email_change_requested";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("to", newEmail);
    }
}
