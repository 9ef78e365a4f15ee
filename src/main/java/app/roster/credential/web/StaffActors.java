package app.roster.credential.web;

import app.roster.shared.Actor;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffRole;
import org.springframework.stereotype.Component;

/** The signed-in staff member as the use cases take them, named as people affected read it. */
@Component
class StaffActors {

    private final StaffMembers staff;

    StaffActors(StaffMembers staff) {
        this.staff = staff;
    }

    Actor.Staff of(SignedInStaff signedIn) {
        Actor.Staff.Role role = signedIn.role() == StaffRole.ADMINISTRATOR ? Actor.Staff.Role.ADMINISTRATOR
                : Actor.Staff.Role.SUPPORT;
        String name = staff.nameOf(signedIn.id()).filter(found -> !found.isBlank()).orElse(signedIn.email());
        return new Actor.Staff(signedIn.id(), role, name);
    }
}
