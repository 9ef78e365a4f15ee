package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Locale;

/**
 * A new user signed up; unless they signed up to accept an invitation ({@code opensAccount} false), the
 * account module opens their first client account in the same transaction.
 */
public record UserRegistered(long userId, String email, String firstName, String lastName, Locale language,
        boolean opensAccount) implements AuditedEvent {

    @Override
    public Audit audit() {
        return opensAccount ? Audit.ofUser("user.registered", userId, "email", email)
                : Audit.ofUser("user.registered", userId, "email", email, "via", "invitation");
    }
}
