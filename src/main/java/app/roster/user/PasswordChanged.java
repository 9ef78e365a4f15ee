package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/** The password changed (by the user, or by a reset link); a notice goes to the address on file. */
public record PasswordChanged(long userId, String email, String firstName, Locale language, boolean byReset)
        implements AuditedEvent {

    @Override
    public Long auditedUserId() {
        return userId;
    }


    @Override
    public String action() {
        return byReset ? "user.password_reset" : "user.password_changed";
    }

    @Override
    public Map<String, String> details() {
        return Map.of();
    }
}
