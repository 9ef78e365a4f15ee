package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/** A new user signed up; the account module opens their first client account in the same transaction. */
public record UserRegistered(long userId, String email, String firstName, String lastName, Locale language)
        implements AuditedEvent {

    @Override
    public Long auditedUserId() {
        return userId;
    }


    @Override
    public String action() {
        return "user.registered";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("email", email);
    }
}
