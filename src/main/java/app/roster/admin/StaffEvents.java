package app.roster.admin;

import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.Map;

/** Audited staff changes and logins. None holds a password or a link. */
public final class StaffEvents {

    private StaffEvents() {
    }

    public record StaffCreated(long staffId, String email, StaffRole role) implements AuditedEvent {
        @Override
        public String action() {
            return "staff.created";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId), "email", email, "role", role.name());
        }
    }

    public record PasswordSetupIssued(long staffId, Instant expiresAt, boolean emailed) implements AuditedEvent {
        @Override
        public String action() {
            return "staff.password_setup_issued";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId), "expires_at", expiresAt.toString(),
                    "delivery", emailed ? "email" : "console");
        }
    }

    public record PasswordSet(long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "staff.password_set";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }

    public record LoggedIn(long staffId, String ip) implements AuditedEvent {
        @Override
        public String action() {
            return "staff.login";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId), "ip", ip);
        }
    }

    public record LoginFailed(String attemptedEmail) implements AuditedEvent {
        @Override
        public String action() {
            return "staff.login_failed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", attemptedEmail);
        }
    }
}
