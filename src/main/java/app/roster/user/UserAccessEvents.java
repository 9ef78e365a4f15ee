package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.Locale;
import java.util.Map;

/** Staff changes to a user's access: disabled, enabled, sessions ended, deleted, links sent again. */
public final class UserAccessEvents {

    private UserAccessEvents() {
    }

    /** What staff did; the audit action is {@code admin.user.<change>}, e.g. {@code admin.user.disabled}. */
    public enum Change {
        /** The user can no longer log in; their sessions ended with it. */
        DISABLED,
        /** The user may log in again. */
        ENABLED,
        /** Every session of the user ended at once. */
        SESSIONS_ENDED,
        /** The login is gone; its address stays in the trail. */
        DELETED,
        /** A password reset link (never a password). */
        PASSWORD_RESET_SENT,
        /** The verification link again. */
        VERIFICATION_SENT
    }

    public record UserAccessChanged(Change change, long userId, Map<String, String> details, Actor actor)
            implements AuditedEvent {

        static UserAccessChanged of(Change change, User user, Actor actor) {
            return new UserAccessChanged(change, user.id(), Map.of("email", user.email().value()), actor);
        }

        @Override
        public Audit audit() {
            return Audit.ofUser("admin.user." + change.name().toLowerCase(Locale.ROOT), userId).with(details)
                    .by(actor);
        }
    }
}
