package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;

/** Audited login outcomes. A failure names the address typed, never the password. */
final class LoginEvents {

    private LoginEvents() {
    }

    record LoggedIn(long userId, String ip) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("user.login", userId, "ip", ip);
        }
    }

    record LoginFailed(String attemptedEmail, String reason) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("user.login_failed", "email", attemptedEmail, "reason", reason);
        }
    }
}
