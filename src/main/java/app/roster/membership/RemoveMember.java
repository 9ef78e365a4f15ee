package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.ChangedMeanwhile;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Remove": a manager removes a user whose permissions are within their own; never the owner. */
@Service
public class RemoveMember {

    private final Memberships memberships;
    private final AccountAccess access;
    private final ApplicationEventPublisher events;

    RemoveMember(Memberships memberships, AccountAccess access, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.access = access;
        this.events = events;
    }

    /** By a manager (their equals or below), or by an Administrator (any user but the owner). */
    @Transactional
    public void remove(Actor actor, long accountId, long targetUserId) {
        remove(actor, accountId, targetUserId, null);
    }

    /**
     * Like {@link #remove(Actor, long, long)}, only while the membership is still at {@code version} (what the
     * caller read; null for any): {@link ChangedMeanwhile} otherwise, removing nothing.
     */
    @Transactional
    public void remove(Actor actor, long accountId, long targetUserId, Long version) {
        switch (actor) {
            case Actor.Member _, Actor.Token _ -> {
                Membership manager = access.membershipOf(actor, accountId);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                target.requireRemovableBy(manager);
                delete(actor, target, version);
            }
            case Actor.Staff _, Actor.ApiKey _ -> {
                AccountAccess.requireAdministrator(actor);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                if (target.owner()) {
                    throw new MembershipRefused("membership.refused.owner");
                }
                delete(actor, target, version);
            }
            case Actor.User _, Actor.System _ -> throw AccountAccess.notAnActor();
        }
    }

    private void delete(Actor actor, Membership target, Long version) {
        if (version != null && (target.version() != version
                || !memberships.delete(target.accountId(), target.userId(), version))) {
            throw new ChangedMeanwhile();
        }
        if (version != null || memberships.delete(target.accountId(), target.userId())) {
            events.publishEvent(new MembershipEvents.MemberRemoved(target.accountId(), target.accountName(),
                    target.userId(), target.permissions(), actor));
        }
    }
}
