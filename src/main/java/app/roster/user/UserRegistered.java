package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/**
 * A new user signed up; unless they signed up to accept an invitation ({@code opensAccount} false), the
 * account module opens their first client account in the same transaction.
 */
public record UserRegistered(long userId, String email, String firstName, String lastName, Locale language,
        boolean opensAccount) implements AuditedEvent {

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
        return opensAccount ? Map.of("email", email) : Map.of("email", email, "via", "invitation");
    }
}
