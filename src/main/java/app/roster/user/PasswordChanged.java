package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Locale;

/** The password changed (by the user, or by a reset link); a notice goes to the address on file. */
public record PasswordChanged(long userId, String email, String firstName, Locale language, boolean byReset)
        implements AuditedEvent {

    @Override
    public Audit audit() {
        return Audit.ofUser(byReset ? "user.password_reset" : "user.password_changed", userId);
    }
}
