package app.roster.user;

import app.roster.shared.AuditedEvent;
import java.util.Map;

/** Staff changes to a user's access: disabled, enabled, sessions ended, deleted. */
public final class UserAccessEvents {

    private UserAccessEvents() {
    }

    /** The user can no longer log in; their sessions ended with it. */
    public record UserDisabled(long userId, String email) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.disabled";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", email);
        }
    }

    /** The user may log in again. */
    public record UserEnabled(long userId, String email) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.enabled";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", email);
        }
    }

    /** Every session of the user ended at once. */
    public record SessionsEnded(long userId, int sessions) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.sessions_ended";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("sessions", String.valueOf(sessions));
        }
    }

    /** The login is gone; its address stays in the trail. */
    public record UserDeleted(long userId, String email) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.deleted";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", email);
        }
    }

    /** Staff sent a password reset link (never a password). */
    public record PasswordResetSent(long userId, String email) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.password_reset_sent";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", email);
        }
    }

    /** Staff sent the verification link again. */
    public record VerificationSent(long userId, String email) implements AuditedEvent {

        @Override
        public String action() {
            return "admin.user.verification_sent";
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("email", email);
        }
    }
}
