package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator makes a staff member an Administrator or Support; nobody demotes themselves, and one
 * Administrator stays.
 */
@Service
public class ChangeStaffRole {

    private final StaffMembers staff;
    private final ApplicationEventPublisher events;

    ChangeStaffRole(StaffMembers staff, ApplicationEventPublisher events) {
        this.staff = staff;
        this.events = events;
    }

    @Transactional
    public void change(Actor actor, long staffId, StaffRole role) {
        Actor.Staff administrator = StaffOnly.requireStaffAdministrator(actor);
        if (role == null) {
            throw new StaffRefused("role", "admin.staff.error.role");
        }
        StaffMember member = staff.findById(staffId).orElseThrow(NotFound::new);
        if (member.role() == role) {
            return;
        }
        if (administrator.staffId() == staffId) {
            throw new StaffRefused("role", "admin.staff.error.selfRole");
        }
        if (member.administrator() && !member.disabled() && staff.lockEnabledAdministrators() <= 1) {
            throw new StaffRefused("role", "admin.staff.error.lastAdministrator");
        }
        staff.updateRole(staffId, role);
        events.publishEvent(new StaffEvents.RoleChanged(staffId, member.role(), role, actor));
    }
}
