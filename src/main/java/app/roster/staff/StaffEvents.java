package app.roster.staff;

import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.Locale;
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

    /** A change to one staff login that needs no more than its id; the action is {@code admin.staff.<change>}. */
    public enum Change {
        SETUP_LINK_RESENT,
        DISABLED,
        ENABLED,
        /** An Administrator removed the two-factor key: the staff member enrols again at their next login. */
        TWO_FACTOR_RESET,
        /** The staff member turned their own two-factor on. */
        TWO_FACTOR_ENABLED,
        /** The staff member turned their own two-factor off. */
        TWO_FACTOR_DISABLED
    }

    public record StaffChanged(Change change, long staffId) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.staff." + change.name().toLowerCase(Locale.ROOT);
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
}
