package app.roster.staff;

import java.time.Instant;

/**
 * A staff member is to receive a link to set their password; the mail module listens. The link is a
 * bearer credential: it is not audited and never printed by {@link #toString()}.
 */
public record StaffPasswordSetupRequested(long staffId, String email, String name, String link, Instant expiresAt) {

    @Override
    public String toString() {
        return "StaffPasswordSetupRequested[staffId=" + staffId + ", expiresAt=" + expiresAt + "]";
    }
}
