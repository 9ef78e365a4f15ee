package app.roster.admin;

import app.roster.shared.ClientIp;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The books kept on staff logins: last login time and an audit row for every attempt. */
@Component
public class StaffSignIn {

    private final StaffMembers staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffSignIn(StaffMembers staff, ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void succeeded(SignedInStaff principal) {
        staff.recordLogin(principal.id(), clock.instant());
        events.publishEvent(new StaffEvents.LoggedIn(principal.id(),
                ClientIp.current().map(ClientIp::value).orElse("")));
    }

    @Transactional
    public void failed(String typedEmail) {
        events.publishEvent(new StaffEvents.LoginFailed(printable(typedEmail)));
    }

    private static String printable(String typed) {
        if (typed == null) {
            return "";
        }
        try {
            return EmailAddress.of(typed).value();
        } catch (InvalidEmailAddressException e) {
            String printable = typed.replaceAll("\\p{C}", "?");
            return printable.substring(0, Math.min(printable.length(), EmailAddress.MAX_LENGTH));
        }
    }
}
