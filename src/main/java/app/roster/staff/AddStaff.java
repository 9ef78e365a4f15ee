package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator adds a staff login: no password is ever chosen for someone else, the new staff member
 * receives a one-time set-your-password link by email.
 */
@Service
public class AddStaff {

    static final int MAX_NAME_LENGTH = 200;

    private final StaffMembers staff;
    private final IssueStaffSetupLink setupLinks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AddStaff(StaffMembers staff, IssueStaffSetupLink setupLinks, ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.setupLinks = setupLinks;
        this.events = events;
        this.clock = clock;
    }

    /** Answers the new staff member's id; refuses a blank name, a malformed or taken address, no role. */
    @Transactional
    public long add(Actor actor, String name, String email, StaffRole role) {
        StaffOnly.requireStaffAdministrator(actor);
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME_LENGTH) {
            throw new StaffRefused("name", "admin.staff.error.name");
        }
        EmailAddress address = address(email);
        if (role == null) {
            throw new StaffRefused("role", "admin.staff.error.role");
        }
        if (staff.emailTaken(address.value())) {
            throw new StaffRefused("email", "admin.staff.error.emailTaken");
        }
        long id;
        try {
            id = staff.insert(address.value(), trimmedName, role, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new StaffRefused("email", "admin.staff.error.emailTaken");
        }
        events.publishEvent(new StaffEvents.StaffAdded(id, address.value(), role, actor));
        setupLinks.issue(id, true);
        return id;
    }

    private static EmailAddress address(String email) {
        try {
            return EmailAddress.of(email == null ? "" : email);
        } catch (InvalidEmailAddressException e) {
            throw new StaffRefused("email", "admin.staff.error.email");
        }
    }
}
