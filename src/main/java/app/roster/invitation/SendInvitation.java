package app.roster.invitation;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.membership.PermissionCatalogue;
import app.roster.ratelimit.RateLimiter;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.NotFound;
import app.roster.shared.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send Invite": checks rule 3, then rules 6 and 7 ({@link Admission}) and the rate limits, then stores the invitation and emails the link.
 * The account's row is locked first, so a double-click (or two staff at once) sends one invitation and the
 * other request is refused as already pending.
 */
@Service
public class SendInvitation {

    private final Invitations invitations;
    private final InvitationActor actors;
    private final Admission admission;
    private final Accounts accounts;
    private final PermissionCatalogue catalogue;
    private final RateLimiter rateLimiter;
    private final InvitationSettings settings;
    private final InvitationLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InvitationMeters meters;

    SendInvitation(Invitations invitations, InvitationActor actors, Admission admission, Accounts accounts,
            PermissionCatalogue catalogue, RateLimiter rateLimiter, InvitationSettings settings, InvitationLinks links,
            ApplicationEventPublisher events, Clock clock, InvitationMeters meters) {
        this.invitations = invitations;
        this.actors = actors;
        this.admission = admission;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A manager of the account (rule 3), or an Administrator ("Associate User" with Send Invite = yes), invites;
     * answers the new invitation's id.
     */
    @Transactional
    public long send(Actor actor, long accountId, EmailAddress email, Set<String> permissions, Language language) {
        try {
            Set<String> known = catalogue.requireKnown(permissions);
            actors.requireMayGrant(actor, accountId, known);
            return send(accountId, actor, actors.nameOf(actor), email, known, language);
        } catch (InvitationRefused refused) {
            meters.refusedToSend(refused);
            throw refused;
        }
    }

    /**
     * An invitation whose link the platform delivers itself ({@code delivery: none} in the API): the same rules,
     * no email, and the accept link answered once. Only a platform API key may; the token is stored hashed.
     */
    @Transactional
    public Issued sendWithoutEmail(Actor actor, long accountId, EmailAddress email, Set<String> permissions,
            Language language) {
        try {
            if (!(actor instanceof Actor.ApiKey)) {
                actors.requireMayGrant(actor, accountId, catalogue.known(permissions));
                throw InvitationRefused.ownDelivery();
            }
            Set<String> known = catalogue.requireKnown(permissions);
            actors.requireMayGrant(actor, accountId, known);
            return send(accountId, actor, actors.nameOf(actor), email, known, language, false);
        } catch (InvitationRefused refused) {
            meters.refusedToSend(refused);
            throw refused;
        }
    }

    /** A new invitation and, only when its link was not emailed, that link. */
    public record Issued(long id, String acceptUrl, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[id=" + id + "]";
        }
    }

    private long send(long accountId, Actor inviter, String inviterName, EmailAddress email,
            Set<String> permissions, Language language) {
        return send(accountId, inviter, inviterName, email, permissions, language, true).id();
    }

    private Issued send(long accountId, Actor inviter, String inviterName, EmailAddress email,
            Set<String> permissions, Language language, boolean emailed) {
        Account account = accounts.lockForNewMembers(accountId).orElseThrow(NotFound::new);
        admission.require(accountId, email);
        Instant now = clock.instant();
        requireWithinLimits(accountId, inviter);
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = now.plus(settings.validity());
        Long byUser = switch (inviter) {
            case Actor.Member member -> member.userId();
            case Actor.Token byToken -> byToken.userId();
            case Actor.User _, Actor.Staff _, Actor.ApiKey _, Actor.System _ -> null;
        };
        Long byStaff = inviter instanceof Actor.Staff staff ? staff.staffId() : null;
        long id = invitations.insert(accountId, email, permissions, language, byUser, byStaff, token.hash(), now,
                expiresAt);
        events.publishEvent(new InvitationEvents.InvitationSent(accountId, id, email.value(), permissions, false,
                inviter, emailed));
        if (!emailed) {
            return new Issued(id, links.accept(token), expiresAt);
        }
        events.publishEvent(new InvitationEvents.InvitationEmailRequested(id, email.value(), language.locale(),
                account.name(), inviterName, links.accept(token), expiresAt, settings.validity()));
        return new Issued(id, null, expiresAt);
    }

    /** Per account and per inviter, shared by every node; resends count too. */
    void requireWithinLimits(long accountId, Actor inviter) {
        Duration hour = Duration.ofHours(1);
        String who = switch (inviter) {
            case Actor.Member member -> "user:" + member.userId();
            case Actor.User user -> "user:" + user.userId();
            // A user's token spends the user's own budget.
            case Actor.Token token -> "user:" + token.userId();
            case Actor.Staff staff -> "staff:" + staff.staffId();
            case Actor.ApiKey key -> "api_key:" + key.keyId();
            case Actor.System system -> "system";
        };
        if (!rateLimiter.tryAcquire("invite:account:" + accountId, settings.maxPerAccountHour(), hour)
                || !rateLimiter.tryAcquire("invite:" + who, settings.maxPerInviterHour(), hour)) {
            throw InvitationRefused.ofEmail("invitation.refused.tooMany");
        }
    }
}
