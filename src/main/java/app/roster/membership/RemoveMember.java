package app.roster.membership;

import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Remove": a manager removes a user whose permissions are within their own; never the owner. */
@Service
public class RemoveMember {

    private final Memberships memberships;
    private final ApplicationEventPublisher events;

    RemoveMember(Memberships memberships, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.events = events;
    }

    @Transactional
    public void remove(long accountId, long managerUserId, long targetUserId) {
        Membership manager = memberships.find(accountId, managerUserId).orElseThrow(NotFound::new);
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        target.requireRemovableBy(manager);
        delete(target);
    }

    /** By staff, from the Admin Area: any user but the owner. */
    @Transactional
    public void byStaff(long accountId, long targetUserId) {
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        if (target.owner()) {
            throw new MembershipRefused("membership.refused.owner");
        }
        delete(target);
    }

    private void delete(Membership target) {
        if (memberships.delete(target.accountId(), target.userId())) {
            events.publishEvent(new MembershipEvents.MemberRemoved(target.accountId(), target.accountName(),
                    target.userId(), target.permissions()));
        }
    }
}
