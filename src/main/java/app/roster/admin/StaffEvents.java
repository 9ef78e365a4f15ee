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

    /** An Administrator added a staff login (it has no password until the emailed link is used). */
    public record StaffAdded(long staffId, String email, StaffRole role) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.created";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId), "email", email, "role", role.name());
        }
    }

    public record SetupLinkResent(long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.setup_link_resent";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }

    public record RoleChanged(long staffId, StaffRole from, StaffRole to) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.role_changed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId), "from", from.name(), "to", to.name());
        }
    }

    public record Disabled(long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.disabled";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }

    public record Enabled(long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.enabled";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }

    /** An Administrator removed a staff member's two-factor key: they enrol again at their next login. */
    public record TwoFactorReset(long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff.two_factor_reset";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }

    /** A staff member turned their own two-factor on or off. */
    public record TwoFactorChanged(long staffId, boolean enabled) implements AuditedEvent {
        @Override
        public String action() {
            return enabled ? "admin.staff.two_factor_enabled" : "admin.staff.two_factor_disabled";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("staff_id", String.valueOf(staffId));
        }
    }
}
