package app.roster.credential.web;

import app.roster.shared.Actor;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import org.springframework.stereotype.Component;

/** The signed-in staff member as the use cases take them, named as people affected read it. */
@Component
class StaffActors {

    private final StaffMembers staff;

    StaffActors(StaffMembers staff) {
        this.staff = staff;
    }

    Actor.Staff of(SignedInStaff signedIn) {
        return staff.actorOf(signedIn);
    }
}
