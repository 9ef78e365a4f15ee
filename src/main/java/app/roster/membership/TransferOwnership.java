package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.user.CurrentPassword;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ownership moves only explicitly: the owner hands it to another user of the account after re-entering
 * their password, or staff "Make Owner". The former owner stays, with every permission held explicitly.
 */
@Service
public class TransferOwnership {

    private final Memberships memberships;
    private final AccountAccess access;
    private final PermissionCatalogue catalogue;
    private final CurrentPassword currentPassword;
    private final ApplicationEventPublisher events;

    TransferOwnership(Memberships memberships, AccountAccess access, PermissionCatalogue catalogue,
            CurrentPassword currentPassword, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.access = access;
        this.catalogue = catalogue;
        this.currentPassword = currentPassword;
        this.events = events;
    }

    /**
     * By the owner, who re-enters their password (null for staff, who need none); a wrong password is
     * {@link MembershipRefused} on the {@code currentPassword} field with {@code password.currentWrong}, and
     * one too many (the login budget of the address) with {@code password.tooManyAttempts}. An Administrator
     * "Make Owner" (or a platform API key) hands it to any user of the account; the owner already is, nothing changes.
     */
    @Transactional
    public void transfer(Actor actor, long accountId, long targetUserId, String password) {
        switch (actor) {
            case Actor.Member member -> {
                Membership owner = access.membershipOf(member, accountId);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                target.requireMayReceiveOwnershipFrom(owner);
                CurrentPassword.Check check = currentPassword.check(member.userId(), password);
                if (check != CurrentPassword.Check.RIGHT) {
                    throw new MembershipRefused(check.problem(), "currentPassword");
                }
                move(actor, owner, target);
            }
            case Actor.Staff _, Actor.ApiKey _ -> {
                AccountAccess.requireAdministrator(actor);
                Membership target = memberships.find(accountId, targetUserId).orElseThrow(NotFound::new);
                if (target.owner()) {
                    return;
                }
                long ownerUserId = memberships.ownerOf(accountId).orElseThrow(NotFound::new);
                Membership owner = memberships.find(accountId, ownerUserId).orElseThrow(NotFound::new);
                move(actor, owner, target);
            }
            // The owner re-enters their password to hand ownership over; a bearer token has none to give.
            case Actor.User _, Actor.Token _, Actor.System _ -> throw AccountAccess.notAnActor();
        }
    }

    private void move(Actor actor, Membership owner, Membership target) {
        if (!memberships.changeOwner(owner.accountId(), owner.userId(), target.userId())) {
            throw new MembershipRefused("membership.refused.ownerChanged");
        }
        memberships.updatePermissions(owner.accountId(), owner.userId(), catalogue.everything());
        events.publishEvent(new MembershipEvents.OwnershipTransferred(owner.accountId(), owner.accountName(),
                owner.userId(), target.userId(), actor));
    }
}
