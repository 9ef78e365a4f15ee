package app.roster.admin;

import app.roster.ratelimit.LoginAttempts;
import app.roster.shared.ClientIp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The books kept on staff logins: last login time and an audit row for every attempt. */
@Component
public class StaffSignIn {

    /** The rate-limit scope of Admin Area logins. */
    public static final String SCOPE = "staff-login";

    private final StaffMembers staff;
    private final LoginAttempts loginAttempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffSignIn(StaffMembers staff, LoginAttempts loginAttempts, ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.loginAttempts = loginAttempts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void succeeded(SignedInStaff principal) {
        staff.recordLogin(principal.id(), clock.instant());
        events.publishEvent(new StaffEvents.LoggedIn(principal.id(),
                ClientIp.current().map(ClientIp::value).orElse("")));
    }

    /** Counts against the typed address and the IP (throttled apart from Client Area logins) and is audited. */
    @Transactional
    public void failed(String typedEmail) {
        loginAttempts.recordFailure(SCOPE, typedEmail, ClientIp.current().map(ClientIp::value).orElse(""));
        events.publishEvent(new StaffEvents.LoginFailed(LoginAttempts.printable(typedEmail)));
    }
}
