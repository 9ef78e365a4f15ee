package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/** The login address changed; the old address receives a notice. */
public record EmailChanged(long userId, String oldEmail, String newEmail, String firstName, Locale language)
        implements AuditedEvent {

    @Override
    public Long auditedUserId() {
        return userId;
    }


    @Override
    public String action() {
        return "user.email_changed";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("from", oldEmail, "to", newEmail);
    }
}
