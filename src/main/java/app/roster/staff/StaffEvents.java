package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.Locale;

/** Audited staff changes and logins. None holds a password or a link. */
public final class StaffEvents {

    private StaffEvents() {
    }

    /** The first staff member, made by Roster itself at startup. */
    public record StaffCreated(long staffId, String email, StaffRole role) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("staff.created", "staff_id", staffId, "email", email, "role", role);
        }
    }

    public record PasswordSetupIssued(long staffId, Instant expiresAt, boolean emailed) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("staff.password_setup_issued", "staff_id", staffId, "expires_at", expiresAt,
                    "delivery", emailed ? "email" : "console");
        }
    }

    public record PasswordSet(long staffId) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("staff.password_set", "staff_id", staffId);
        }
    }

    public record LoggedIn(long staffId, String ip) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("staff.login", "staff_id", staffId, "ip", ip);
        }
    }

    public record LoginFailed(String attemptedEmail) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("staff.login_failed", "email", attemptedEmail);
        }
    }

    /** An Administrator added a staff login (it has no password until the emailed link is used). */
    public record StaffAdded(long staffId, String email, StaffRole role, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("admin.staff.created", "staff_id", staffId, "email", email, "role", role).by(actor);
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

    /** By an Administrator, or (their own two-factor) by the staff member signed in, then with no actor named. */
    public record StaffChanged(Change change, long staffId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("admin.staff." + change.name().toLowerCase(Locale.ROOT), "staff_id", staffId).by(actor);
        }
    }

    public record RoleChanged(long staffId, StaffRole from, StaffRole to, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("admin.staff.role_changed", "staff_id", staffId, "from", from, "to", to).by(actor);
        }
    }
}
