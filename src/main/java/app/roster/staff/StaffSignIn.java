package app.roster.staff;

import app.roster.ratelimit.LoginAttempts;
import app.roster.shared.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /** The staff member is in: their address's failures are cleared and this browser becomes known. */
    @Transactional
    public void succeeded(SignedInStaff principal, HttpServletRequest request, HttpServletResponse response) {
        loginAttempts.loggedIn(SCOPE, principal.email(), request, response);
        staff.recordLogin(principal.id(), clock.instant());
        events.publishEvent(new StaffEvents.LoggedIn(principal.id(),
                ClientIp.current().map(ClientIp::value).orElse("")));
    }

    /**
     * Takes the slot of a second-factor code for the address before the code is checked (the password's slot
     * is taken by the login throttle); false when none is left.
     */
    public boolean tryCode(String email) {
        return loginAttempts.tryAttempt(SCOPE, email);
    }

    /** The set-password link proved the address: failures of guessers no longer keep its owner out. */
    public void passwordSet(String email) {
        loginAttempts.lift(SCOPE, email);
    }

    /** Audited; it was counted against the address and the IP when its slot was taken. */
    @Transactional
    public void failed(String typedEmail) {
        events.publishEvent(new StaffEvents.LoginFailed(LoginAttempts.printable(typedEmail)));
    }
}
