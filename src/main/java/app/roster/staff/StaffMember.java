package app.roster.staff;

import java.time.OffsetDateTime;

/** A staff login as the staff pages show it; no password hash, no two-factor key. */
public record StaffMember(long id, String email, String name, StaffRole role, boolean disabled, boolean passwordSet,
        boolean twoFactor, OffsetDateTime lastLoginAt) {

    public boolean administrator() {
        return role == StaffRole.ADMINISTRATOR;
    }
}
