package app.roster.staff;

import app.roster.shared.BaseUrl;
import app.roster.shared.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a fresh set-password link for a staff member (older unused links stop working), built from the
 * configured base URL, never from a request's Host header.
 */
@Component
class IssueStaffSetupLink {

    record SetupLink(String url, Instant expiresAt) {
        @Override
        public String toString() {
            return "SetupLink[redacted, expiresAt=" + expiresAt + "]";
        }
    }

    private final StaffTokens tokens;
    private final StaffMembers staff;
    private final AdminSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BaseUrl baseUrl;

    IssueStaffSetupLink(StaffTokens tokens, StaffMembers staff, AdminSettings settings,
            ApplicationEventPublisher events, Clock clock, BaseUrl baseUrl) {
        this.tokens = tokens;
        this.staff = staff;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** With {@code email = true} the mail module sends the link; otherwise the caller shows it. */
    @Transactional
    SetupLink issue(long staffId, boolean email) {
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = clock.instant().plus(settings.setupLinkValidity());
        tokens.revokeUnused(staffId);
        tokens.store(staffId, token, expiresAt);
        String url = baseUrl.path("/admin/setup-password").queryParam("token", token.value()).build().toUriString();
        if (email) {
            events.publishEvent(new StaffPasswordSetupRequested(staffId, staff.emailOf(staffId).orElseThrow(),
                    staff.nameOf(staffId).orElseThrow(), url, expiresAt));
        }
        events.publishEvent(new StaffEvents.PasswordSetupIssued(staffId, expiresAt, email));
        return new SetupLink(url, expiresAt);
    }
}
