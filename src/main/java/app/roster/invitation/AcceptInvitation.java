package app.roster.invitation;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.membership.AddMember;
import app.roster.membership.Membership;
import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.security.SecurityEvents;
import app.roster.shared.Actor;
import app.roster.shared.OneTimeToken;
import app.roster.shared.Refusal;
import app.roster.user.User;
import app.roster.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and accepting a link. Opening only shows; accepting is an explicit action of a signed-in user,
 * with any email address (rule 5), inside the account's allowed domains (rule 6), with the invitation's
 * permissions capped to what the inviter holds at that moment.
 */
@Service
public class AcceptInvitation {

    private final Invitations invitations;
    private final Memberships memberships;
    private final AddMember addMember;
    private final Accounts accounts;
    private final AllowedDomainsRepository allowedDomains;
    private final PermissionCatalogue catalogue;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityEvents securityEvents;

    AcceptInvitation(Invitations invitations, Memberships memberships, AddMember addMember, Accounts accounts,
            AllowedDomainsRepository allowedDomains, PermissionCatalogue catalogue, Users users,
            ApplicationEventPublisher events, Clock clock, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.invitations = invitations;
        this.memberships = memberships;
        this.addMember = addMember;
        this.accounts = accounts;
        this.allowedDomains = allowedDomains;
        this.catalogue = catalogue;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the link shows; empty for a link that never existed (it reveals nothing, and is a security event:
     * every page and the accept POST look the link up here first, so each such request is recorded once).
     */
    @Transactional(readOnly = true)
    public Optional<InvitationView> view(String rawToken) {
        if (rawToken == null || rawToken.length() > 100) {
            securityEvents.unknownToken("invitation");
            return Optional.empty();
        }
        String hash = OneTimeToken.hashOf(rawToken);
        Optional<Invitation> current = invitations.findByTokenHash(hash);
        if (current.isPresent()) {
            return Optional.of(view(current.get(), state(current.get())));
        }
        Optional<InvitationView> replaced = invitations.findByReplacedTokenHash(hash)
                .map(old -> view(old, InvitationView.State.REPLACED));
        if (replaced.isEmpty()) {
            securityEvents.unknownToken("invitation");
        }
        return replaced;
    }

    /**
     * The signed-in user accepts for themselves; staff and Roster itself never accept (refused as forbidden).
     * Every outcome but a malformed or unknown link is audited.
     */
    @Transactional
    public Acceptance accept(Actor actor, String rawToken) {
        if (!(actor instanceof Actor.User acceptor)) {
            throw Refusal.forbidden("error.403.body");
        }
        long userId = acceptor.userId();
        if (rawToken == null || rawToken.length() > 100) {
            return new Acceptance(Acceptance.Outcome.INVALID, 0, false);
        }
        String hash = OneTimeToken.hashOf(rawToken);
        Invitation invitation = invitations.findByTokenHash(hash).orElse(null);
        if (invitation == null) {
            return invitations.findByReplacedTokenHash(hash)
                    .map(old -> refuse(old, acceptor, Acceptance.Outcome.CLOSED, "replaced"))
                    .orElse(new Acceptance(Acceptance.Outcome.INVALID, 0, false));
        }
        Instant now = clock.instant();
        if (invitation.statusAt(now) == Invitation.Status.EXPIRED) {
            expire(invitation, now);
            return refuse(invitation, acceptor, Acceptance.Outcome.EXPIRED, "expired");
        }
        if (invitation.status() != Invitation.Status.PENDING) {
            return refuse(invitation, acceptor, Acceptance.Outcome.CLOSED, invitation.status().name().toLowerCase());
        }
        if (!accountActive(invitation)) {
            return refuse(invitation, acceptor, Acceptance.Outcome.CLOSED, "account_closed");
        }
        User user = users.findById(userId).orElseThrow();
        AllowedDomains domains = allowedDomains.of(invitation.accountId());
        if (!domains.admits(user.email())) {
            return refuse(invitation, acceptor, Acceptance.Outcome.DOMAIN_NOT_ALLOWED, "domain");
        }
        Optional<Set<String>> granted = cappedToInviter(invitation);
        if (granted.isEmpty()) {
            return refuse(invitation, acceptor, Acceptance.Outcome.CLOSED, "inviter_lost_authority");
        }
        if (!invitations.accept(invitation.id(), hash, userId, now)) {
            return refuse(invitation, acceptor, Acceptance.Outcome.CLOSED, "already_used");
        }
        // In a restricted account the membership waits until the in-domain address is verified.
        boolean active = !domains.restricted() || user.emailVerified();
        boolean added = addMember.add(actor, invitation.accountId(), userId, granted.get(), active);
        events.publishEvent(new InvitationEvents.InvitationAccepted(invitation.accountId(), invitation.id(),
                invitation.email().value(), userId, user.email().value(), granted.get(), active, actor));
        notifyInviter(invitation, user);
        return new Acceptance(added ? Acceptance.Outcome.ACCEPTED : Acceptance.Outcome.ALREADY_MEMBER,
                invitation.accountId(), active || !added);
    }

    /** Staff invitations grant what they say; a manager's never more than the manager holds now. */
    private Optional<Set<String>> cappedToInviter(Invitation invitation) {
        Set<String> asked = catalogue.known(invitation.permissions());
        if (invitation.invitedByUserId() == null) {
            return Optional.of(asked);
        }
        Optional<Membership> inviter = memberships.find(invitation.accountId(), invitation.invitedByUserId())
                .filter(m -> m.may(PermissionCatalogue.USERS));
        return inviter.map(m -> {
            Set<String> capped = new LinkedHashSet<>(asked);
            capped.retainAll(m.permissions());
            return capped;
        });
    }

    private void notifyInviter(Invitation invitation, User acceptedBy) {
        String accountName = accounts.findById(invitation.accountId()).map(a -> a.name()).orElse("");
        if (invitation.invitedByUserId() != null) {
            events.publishEvent(new InvitationEvents.InviterNotified(invitation.invitedByUserId(), accountName,
                    acceptedBy.fullName(), acceptedBy.email().value()));
        } else if (invitation.invitedByStaffId() != null) {
            events.publishEvent(new InvitationEvents.StaffInviterNotified(invitation.invitedByStaffId(),
                    invitation.accountId(), accountName, acceptedBy.fullName(), acceptedBy.email().value()));
        }
    }

    private void expire(Invitation invitation, Instant now) {
        if (invitations.end(invitation.accountId(), invitation.id(), Invitation.Status.EXPIRED, now)) {
            events.publishEvent(new InvitationEvents.InvitationEnded(invitation.accountId(), invitation.id(),
                    invitation.email().value(), "invitation.expired", "validity", null));
        }
    }

    private Acceptance refuse(Invitation invitation, Actor.User acceptor, Acceptance.Outcome outcome, String reason) {
        events.publishEvent(new InvitationEvents.AcceptanceRefused(invitation.accountId(), invitation.id(),
                acceptor.userId(), reason, acceptor));
        return new Acceptance(outcome, invitation.accountId(), false);
    }

    private boolean accountActive(Invitation invitation) {
        return accounts.findById(invitation.accountId()).filter(Account::active).isPresent();
    }

    private InvitationView.State state(Invitation invitation) {
        return switch (invitation.statusAt(clock.instant())) {
            case PENDING -> accountActive(invitation) ? InvitationView.State.OPEN : InvitationView.State.ACCOUNT_CLOSED;
            case EXPIRED -> InvitationView.State.EXPIRED;
            case ACCEPTED -> InvitationView.State.ACCEPTED;
            case CANCELLED -> InvitationView.State.CANCELLED;
        };
    }

    private InvitationView view(Invitation invitation, InvitationView.State state) {
        String accountName = accounts.findById(invitation.accountId()).map(a -> a.name()).orElse("");
        String inviterName = invitation.invitedByUserId() == null ? null
                : users.findById(invitation.invitedByUserId()).map(User::fullName).orElse(null);
        return new InvitationView(invitation.id(), invitation.accountId(), accountName, inviterName,
                invitation.email().masked(), state, invitation.expiresAt(),
                allowedDomains.of(invitation.accountId()).describe(", "), invitation.email().value());
    }
}
