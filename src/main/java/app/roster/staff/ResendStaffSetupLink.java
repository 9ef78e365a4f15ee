package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An Administrator sends a new set-your-password link by email; the older unused ones stop working. */
@Service
public class ResendStaffSetupLink {

    private final StaffMembers staff;
    private final IssueStaffSetupLink setupLinks;
    private final ApplicationEventPublisher events;

    ResendStaffSetupLink(StaffMembers staff, IssueStaffSetupLink setupLinks, ApplicationEventPublisher events) {
        this.staff = staff;
        this.setupLinks = setupLinks;
        this.events = events;
    }

    @Transactional
    public void resend(Actor actor, long staffId) {
        StaffOnly.requireStaffAdministrator(actor);
        staff.findById(staffId).orElseThrow(NotFound::new);
        events.publishEvent(new StaffEvents.StaffChanged(StaffEvents.Change.SETUP_LINK_RESENT, staffId, actor));
        setupLinks.issue(staffId, true);
    }
}
