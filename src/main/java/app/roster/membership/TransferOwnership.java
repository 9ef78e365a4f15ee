package app.roster.membership;

import app.roster.shared.NotFound;
import app.roster.user.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ownership moves only explicitly: the owner hands it to another user of the account after re-entering
 * their password, or staff "Make Owner". The former owner stays, with every permission held explicitly.
 */
@Service
public class TransferOwnership {

    private final Memberships memberships;
    private final PermissionCatalogue catalogue;
    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    TransferOwnership(Memberships memberships, PermissionCatalogue catalogue, Users users,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.catalogue = catalogue;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** By the owner; a wrong password is {@link MembershipRefused} with {@code password.currentWrong}. */
    @Transactional
    public void transfer(long accountId, long ownerUserId, long targetUserId, String password) {
        Membership owner = memberships.find(accountId, ownerUserId).orElseThrow(NotFound::new);
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        target.requireMayReceiveOwnershipFrom(owner);
        String hash = users.findById(ownerUserId).orElseThrow().passwordHash();
        if (password == null || !passwordEncoder.matches(password, hash)) {
            throw new MembershipRefused("password.currentWrong");
        }
        move(owner, target, false);
    }

    /** By staff, from the Admin Area: to any user of the account. */
    @Transactional
    public void makeOwner(long accountId, long targetUserId) {
        Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
        if (target.owner()) {
            return;
        }
        long ownerUserId = memberships.ownerOf(accountId).orElseThrow(NotFound::new);
        Membership owner = memberships.find(accountId, ownerUserId).orElseThrow(NotFound::new);
        move(owner, target, true);
    }

    private void move(Membership owner, Membership target, boolean byStaff) {
        if (!memberships.changeOwner(owner.accountId(), owner.userId(), target.userId())) {
            throw new MembershipRefused("membership.refused.ownerChanged");
        }
        memberships.updatePermissions(owner.accountId(), owner.userId(), catalogue.everything());
        events.publishEvent(new MembershipEvents.OwnershipTransferred(owner.accountId(), owner.accountName(),
                owner.userId(), target.userId(), byStaff));
    }
}
