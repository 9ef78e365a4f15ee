package app.roster.membership;

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
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;

    ChangePermissions(Memberships memberships, PermissionCatalogue catalogue, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * Sets the target's permissions as far as the manager may, from a form that showed {@code version}. An id
     * outside the account is {@link NotFound}; an unknown key is {@link PermissionCatalogue.UnknownPermission};
     * a forbidden change is {@link MembershipRefused}; a stale version is {@link ChangedMeanwhile}.
     */
    @Transactional
    public Set<String> change(long accountId, long managerUserId, long targetUserId, Set<String> requested,
            long version) {
        Membership manager = memberships.find(accountId, managerUserId).orElseThrow(NotFound::new);
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        Set<String> known = catalogue.requireKnown(requested);
        Set<String> after = catalogue.known(target.permissionsAfterChangeBy(manager, known));
        save(target, after, version);
        return after;
    }

    /**
     * By staff, from the Admin Area: owner-level, so exactly what was asked, for any user but the owner.
     * Audited with the staff member as actor (the Admin Area principal).
     */
    @Transactional
    public Set<String> byStaff(long accountId, long targetUserId, Set<String> requested, long version) {
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        if (target.owner()) {
            throw new MembershipRefused("membership.refused.owner");
        }
        Set<String> after = catalogue.requireKnown(requested);
        save(target, after, version);
        return after;
    }

    /**
     * A stale form is refused even when it would change nothing: its author decided on what they saw, which
     * is no longer what is stored. The conditional UPDATE catches a change made between our read and write.
     */
    private void save(Membership target, Set<String> after, long version) {
        if (target.version() != version) {
            throw new ChangedMeanwhile();
        }
        if (after.equals(target.permissions())) {
            return;
        }
        if (!memberships.updatePermissions(target.accountId(), target.userId(), after, version)) {
            throw new ChangedMeanwhile();
        }
        events.publishEvent(new MembershipEvents.PermissionsChanged(target.accountId(), target.accountName(),
                target.userId(), target.permissions(), after));
    }
}
