package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator disables a staff login: it can no longer log in, and its open sessions end on their next
 * request (the Admin Area re-reads the staff row on every request). Nobody disables themselves; one
 * Administrator stays.
 */
@Service
public class DisableStaff {

    private final StaffMembers staff;
    private final ApplicationEventPublisher events;

    DisableStaff(StaffMembers staff, ApplicationEventPublisher events) {
        this.staff = staff;
        this.events = events;
    }

    @Transactional
    public void disable(Actor actor, long staffId) {
        Actor.Staff administrator = StaffOnly.requireStaffAdministrator(actor);
        StaffMember member = staff.findById(staffId).orElseThrow(NotFound::new);
        if (member.disabled()) {
            return;
        }
        if (administrator.staffId() == staffId) {
            throw new StaffRefused(null, "admin.staff.error.selfDisable");
        }
        if (member.administrator() && staff.lockEnabledAdministrators() <= 1) {
            throw new StaffRefused(null, "admin.staff.error.lastAdministrator");
        }
        staff.updateDisabled(staffId, true);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.DISABLED, staffId, actor));
    }

    @Transactional
    public void enable(Actor actor, long staffId) {
        StaffOnly.requireStaffAdministrator(actor);
        StaffMember member = staff.findById(staffId).orElseThrow(NotFound::new);
        if (!member.disabled()) {
            return;
        }
        staff.updateDisabled(staffId, false);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.ENABLED, staffId, actor));
    }
}
