package app.roster.invitation;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.account.AllowedDomainsRepository;
import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.ratelimit.RateLimiter;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.NotFound;
import app.roster.shared.OneTimeToken;
import app.roster.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send Invite": checks rules 3, 6 and 7 and the rate limits, then stores the invitation and emails the link.
 * The account's row is locked first, so a double-click (or two staff at once) sends one invitation and the
 * other request is refused as already pending.
 */
@Service
public class SendInvitation {

    private final Invitations invitations;
    private final Memberships memberships;
    private final Accounts accounts;
    private final AllowedDomainsRepository allowedDomains;
    private final PermissionCatalogue catalogue;
    private final Users users;
    private final RateLimiter rateLimiter;
    private final InvitationSettings settings;
    private final InvitationLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendInvitation(Invitations invitations, Memberships memberships, Accounts accounts,
            AllowedDomainsRepository allowedDomains, PermissionCatalogue catalogue, Users users,
            RateLimiter rateLimiter, InvitationSettings settings, InvitationLinks links,
            ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.allowedDomains = allowedDomains;
        this.catalogue = catalogue;
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** A manager of the account invites; answers the new invitation's id. */
    @Transactional
    public long byManager(long accountId, long managerUserId, EmailAddress email, Set<String> permissions,
            Language language) {
        Set<String> known = catalogue.requireKnown(permissions);
        var manager = memberships.find(accountId, managerUserId).orElseThrow(NotFound::new);
        InvitationRules.requireMayGrant(manager, known);
        String name = users.findById(managerUserId).map(u -> u.fullName()).orElse("");
        return send(accountId, Inviter.user(managerUserId, name), email, known, language);
    }

    /** Staff invite from the Admin Area ("Associate User" with Send Invite = yes). */
    @Transactional
    public long byStaff(long accountId, long staffId, String staffName, EmailAddress email, Set<String> permissions,
            Language language) {
        return send(accountId, Inviter.staff(staffId, staffName), email, catalogue.requireKnown(permissions),
                language);
    }

    private long send(long accountId, Inviter inviter, EmailAddress email, Set<String> permissions,
            Language language) {
        Account account = accounts.lockForNewMembers(accountId).orElseThrow(NotFound::new);
        InvitationRules.requireAllowedDomain(allowedDomains.of(accountId), email);
        users.findByEmail(email).filter(user -> memberships.includesOrAwaits(accountId, user.id())).ifPresent(user -> {
            throw new InvitationRefused("invitation.refused.member");
        });
        Instant now = clock.instant();
        invitations.openFor(accountId, email, now).ifPresent(open -> {
            throw new InvitationRefused("invitation.refused.pending", open.id());
        });
        requireWithinLimits(accountId, inviter);
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = now.plus(settings.validity());
        long id = invitations.insert(accountId, email, permissions, language, inviter.userId(), inviter.staffId(),
                token.hash(), now, expiresAt);
        events.publishEvent(new InvitationEvents.InvitationSent(accountId, id, email.value(), permissions, false));
        events.publishEvent(new InvitationEvents.InvitationEmailRequested(id, email.value(), language.locale(),
                account.name(), inviter.name(), links.accept(token), expiresAt));
        return id;
    }

    /** Per account and per inviter, shared by every node; resends count too. */
    void requireWithinLimits(long accountId, Inviter inviter) {
        Duration hour = Duration.ofHours(1);
        String who = inviter.isStaff() ? "staff:" + inviter.staffId() : "user:" + inviter.userId();
        if (!rateLimiter.tryAcquire("invite:account:" + accountId, settings.maxPerAccountHour(), hour)
                || !rateLimiter.tryAcquire("invite:" + who, settings.maxPerInviterHour(), hour)) {
            throw new InvitationRefused("invitation.refused.tooMany");
        }
    }
}
