package app.roster.user;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rule 11: a link proves the user reads the address; a new link replaces the previous one. */
@Service
public class EmailVerification {

    /** The address was proven. */
    public record EmailVerified(long userId, String email) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("user.email_verified", userId, "email", email);
        }
    }

    private final Users users;
    private final UserTokens tokens;
    private final UserSettings settings;
    private final Links links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerification(Users users, UserTokens tokens, UserSettings settings, Links links,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void send(long userId) {
        User user = users.findById(userId).orElseThrow();
        if (user.emailVerified()) {
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokens().verificationValidity());
        var token = tokens.issue(userId, UserTokens.Purpose.VERIFY_EMAIL, user.email().value(), now, expiresAt);
        events.publishEvent(new EmailVerificationRequested(userId, user.email().value(), user.firstName(),
                user.language().locale(), links.withToken("/verify-email", token.value()), expiresAt));
    }

    /**
     * Staff send the link again, Support included; false, sending nothing, when the address is verified already.
     * Audited.
     */
    @Transactional
    public boolean sendAgain(Actor actor, long userId) {
        StaffOnly.requireStaff(actor);
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (user.emailVerified()) {
            return false;
        }
        send(userId);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.VERIFICATION_SENT, user,
                actor));
        return true;
    }

    /** Whether the link (to verify an address, or to confirm a new one) was ever issued: a used or expired one is no guess. */
    public boolean wasIssued(String rawToken) {
        return tokens.wasIssued(rawToken, UserTokens.Purpose.VERIFY_EMAIL)
                || tokens.wasIssued(rawToken, UserTokens.Purpose.CHANGE_EMAIL);
    }

    /** True when the token was valid and the address it was sent to is still the user's. */
    @Transactional
    public boolean verify(String rawToken) {
        return tokens.redeem(rawToken, UserTokens.Purpose.VERIFY_EMAIL, clock.instant())
                .filter(redeemed -> users.markVerified(redeemed.userId(), new EmailAddress(redeemed.email())))
                .map(redeemed -> {
                    events.publishEvent(new EmailVerified(redeemed.userId(), redeemed.email()));
                    return true;
                })
                .orElse(false);
    }
}
