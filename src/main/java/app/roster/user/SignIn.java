package app.roster.user;

import app.roster.ratelimit.LoginAttempts;
import app.roster.shared.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Completes a login (after the password, or after the second factor) and keeps the books on it. */
@Component
public class SignIn {

    /** The rate-limit scope of Client Area logins. */
    static final String SCOPE = "login";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Users users;
    private final ReverseDns reverseDns;
    private final ApplicationEventPublisher events;
    private final LoginAttempts loginAttempts;
    private final Clock clock;

    SignIn(Users users, ReverseDns reverseDns, ApplicationEventPublisher events, LoginAttempts loginAttempts,
            Clock clock) {
        this.users = users;
        this.reverseDns = reverseDns;
        this.events = events;
        this.loginAttempts = loginAttempts;
        this.clock = clock;
    }

    /** The factor of the second step (a TOTP code), beside Spring Security's {@code FACTOR_PASSWORD}. */
    public static final String TOTP_FACTOR = "FACTOR_TOTP";

    /**
     * Stores the full login in the session and records time, IP and (later, off the request) hostname. The
     * authentication carries the factors used and when (which OpenID Connect tokens report as auth_time and amr).
     */
    @Transactional
    public void complete(HttpServletRequest request, HttpServletResponse response, SignedInUser principal,
            boolean secondFactor) {
        Instant now = clock.instant();
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now)
                .build());
        if (secondFactor) {
            authorities.add(FactorGrantedAuthority.withAuthority(TOTP_FACTOR).issuedAt(now).build());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        String ip = clientIp(request);
        session.setAttribute(UserSessions.IP_ATTRIBUTE, ip);
        String agent = request.getHeader("User-Agent");
        session.setAttribute(UserSessions.USER_AGENT_ATTRIBUTE,
                agent == null ? "" : agent.substring(0, Math.min(agent.length(), 200)));
        loginAttempts.loggedIn(SCOPE, principal.email(), request, response);
        users.recordLogin(principal.id(), now, ip);
        events.publishEvent(new LoginEvents.LoggedIn(principal.id(), ip));
        reverseDns.resolveLater(principal.id(), ip);
    }

    /**
     * Takes the slot of a second-factor code for the address before the code is checked (the password's
     * slot is taken by the login throttle); false when none is left.
     */
    public boolean tryCode(String email) {
        return loginAttempts.tryAttempt(SCOPE, email);
    }

    /** A failed attempt, already counted when its slot was taken, known address or not; audited. */
    @Transactional
    public void failed(HttpServletRequest request, String attemptedEmail, String reason) {
        events.publishEvent(new LoginEvents.LoginFailed(LoginAttempts.printable(attemptedEmail), reason));
    }

    static String clientIp(HttpServletRequest request) {
        Object ip = request.getAttribute(ClientIp.REQUEST_ATTRIBUTE);
        return ip instanceof ClientIp clientIp ? clientIp.value() : request.getRemoteAddr();
    }
}
