package app.roster.membership;

import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rule 2: a user who is not the owner may leave an account. */
@Service
public class LeaveAccount {

    private final Memberships memberships;
    private final ApplicationEventPublisher events;

    LeaveAccount(Memberships memberships, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.events = events;
    }

    @Transactional
    public void leave(long accountId, long userId) {
        Membership membership = memberships.find(accountId, userId).orElseThrow(NotFound::new);
        membership.requireMayLeave();
        if (memberships.delete(accountId, userId)) {
            events.publishEvent(new MembershipEvents.MemberLeft(accountId, userId, membership.permissions()));
        }
    }
}
