package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Locale;

/**
 * A new user signed up; unless they signed up to accept an invitation ({@code opensAccount} false), the
 * account module opens their first client account in the same transaction, named by {@link #accountName()}.
 */
public record UserRegistered(long userId, String email, String firstName, String lastName, Locale language,
        boolean opensAccount, String companyName) implements AuditedEvent {

    /** The name of the account the sign-up opens: the company when one was given, else the person. */
    public String accountName() {
        return companyName == null || companyName.isBlank() ? firstName + " " + lastName : companyName.strip();
    }

    @Override
    public Audit audit() {
        return opensAccount ? Audit.ofUser("user.registered", userId, "email", email)
                : Audit.ofUser("user.registered", userId, "email", email, "via", "invitation");
    }
}
