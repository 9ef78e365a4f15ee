package app.roster.staff;

import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables a staff login: it can no longer log in, and its open sessions end on their next request (the
 * Admin Area re-reads the staff row on every request). Nobody disables themselves; one Administrator stays.
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
    public void disable(long actorId, long staffId) {
        StaffMember member = staff.findById(staffId).orElseThrow(NotFound::new);
        if (member.disabled()) {
            return;
        }
        if (actorId == staffId) {
            throw new StaffRefused(null, "admin.staff.error.selfDisable");
        }
        if (member.administrator() && staff.lockEnabledAdministrators() <= 1) {
            throw new StaffRefused(null, "admin.staff.error.lastAdministrator");
        }
        staff.updateDisabled(staffId, true);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.DISABLED, staffId));
    }

    @Transactional
    public void enable(long staffId) {
        StaffMember member = staff.findById(staffId).orElseThrow(NotFound::new);
        if (!member.disabled()) {
            return;
        }
        staff.updateDisabled(staffId, false);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.ENABLED, staffId));
    }
}
