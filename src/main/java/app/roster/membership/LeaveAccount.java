package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rule 2: a user who is not the owner may leave an account. */
@Service
public class LeaveAccount {

    private final Memberships memberships;
    private final AccountAccess access;
    private final ApplicationEventPublisher events;

    LeaveAccount(Memberships memberships, AccountAccess access, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.access = access;
        this.events = events;
    }

    /** Only a user (or their token) leaves, and only the account they act in; staff remove a user instead. */
    @Transactional
    public void leave(Actor actor, long accountId) {
        if (!AccountAccess.acting(actor)) {
            throw AccountAccess.notAnActor();
        }
        Membership membership = access.membershipOf(actor, accountId);
        // A token caps its membership, the owner's standing included: whether its user owns the account is read
        // uncapped, or an owner's token holding a few permissions would take the owner out of their account.
        memberships.find(accountId, membership.userId()).orElseThrow(NotFound::new).requireMayLeave();
        if (memberships.delete(accountId, membership.userId())) {
            events.publishEvent(new MembershipEvents.MemberLeft(accountId, membership.userId(), membership.permissions(),
                    actor));
        }
    }
}
