package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Map;

/** Audited login outcomes. A failure names the address typed, never the password. */
final class LoginEvents {

    private LoginEvents() {
    }

    record LoggedIn(long userId, String ip) implements AuditedEvent {

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public String action() {
            return "user.login";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("ip", ip);
        }
    }

    record LoginFailed(String attemptedEmail, String reason) implements AuditedEvent {
        @Override
        public String action() {
            return "user.login_failed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", attemptedEmail, "reason", reason);
        }
    }
}
