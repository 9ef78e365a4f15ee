package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.ChangedMeanwhile;
import app.roster.shared.NotFound;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Manage Permissions": rules 1–3 decide what actually changes. */
@Service
public class ChangePermissions {

    private final Memberships memberships;
    private final AccountAccess access;
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;

    ChangePermissions(Memberships memberships, AccountAccess access, PermissionCatalogue catalogue,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.access = access;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * Sets the target's permissions as far as the actor may, from a form that showed {@code version}: a manager
     * within rules 1–3, an Administrator owner-level (exactly what was asked, for any user but the owner). An id
     * outside the account is {@link NotFound}; an unknown key is {@link PermissionCatalogue.UnknownPermission};
     * a forbidden change is {@link MembershipRefused}; a stale version is {@link ChangedMeanwhile}.
     */
    @Transactional
    public Set<String> change(Actor actor, long accountId, long targetUserId, Set<String> requested, long version) {
        return change(actor, accountId, targetUserId, requested, version, false);
    }

    /**
     * Like {@link #change}, for a caller that states the whole result (the API): where rule 3 would keep a
     * permission the manager does not hold as it was, instead of what was asked, the change is refused
     * ({@code membership.refused.notHeld}) and nothing changes.
     */
    @Transactional
    public Set<String> changeExactly(Actor actor, long accountId, long targetUserId, Set<String> requested,
            long version) {
        return change(actor, accountId, targetUserId, requested, version, true);
    }

    private Set<String> change(Actor actor, long accountId, long targetUserId, Set<String> requested, long version,
            boolean exactly) {
        return switch (actor) {
            case Actor.Member _, Actor.Token _ -> {
                Membership manager = access.membershipOf(actor, accountId);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                Set<String> known = catalogue.requireKnown(requested);
                Set<String> after = catalogue.known(target.permissionsAfterChangeBy(manager, known));
                if (exactly && !after.equals(known)) {
                    throw new MembershipRefused("membership.refused.notHeld");
                }
                yield save(actor, target, after, version);
            }
            case Actor.Staff _, Actor.ApiKey _ -> {
                AccountAccess.requireAdministrator(actor);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                if (target.owner()) {
                    throw new MembershipRefused("membership.refused.owner");
                }
                yield save(actor, target, catalogue.requireKnown(requested), version);
            }
            case Actor.User _, Actor.System _ -> throw AccountAccess.notAnActor();
        };
    }

    /**
     * A stale form is refused even when it would change nothing: its author decided on what they saw, which
     * is no longer what is stored. The conditional UPDATE catches a change made between our read and write.
     */
    private Set<String> save(Actor actor, Membership target, Set<String> after, long version) {
        if (target.version() != version) {
            throw new ChangedMeanwhile();
        }
        if (after.equals(target.permissions())) {
            return after;
        }
        if (!memberships.updatePermissions(target.accountId(), target.userId(), after, version)) {
            throw new ChangedMeanwhile();
        }
        events.publishEvent(new MembershipEvents.PermissionsChanged(target.accountId(), target.accountName(),
                target.userId(), target.permissions(), after, actor));
        return after;
    }
}
