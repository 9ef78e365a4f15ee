package app.roster.membership;

import app.roster.shared.AccountPermissions;
import app.roster.shared.Actor;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import org.springframework.stereotype.Component;

/**
 * "May this actor do P in account A?" — the one check, one indexed query, read fresh every time so a lost
 * membership or permission takes effect on the very next request. The billing platform's API will call it.
 */
@Component
public class AccountAccess implements AccountPermissions {

    private final Memberships memberships;

    AccountAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    public boolean may(long userId, long accountId, String permission) {
        return memberships.find(accountId, userId).map(m -> m.may(permission)).orElse(false);
    }

    /**
     * The acting user's live membership of the account. An id of another account than the one they act in, or
     * an account they no longer belong to, is {@link NotFound} (rule 4).
     */
    public Membership membershipOf(Actor.Member member, long accountId) {
        if (member.accountId() != accountId) {
            throw new NotFound();
        }
        return memberships.find(accountId, member.userId()).orElseThrow(NotFound::new);
    }

    /** Support staff read and send emails again; every change needs an Administrator. */
    public static void requireAdministrator(Actor.Staff staff) {
        StaffOnly.requireAdministrator(staff);
    }

    /** Nobody but users and staff acts on an account's data through a use case (jobs have their own). */
    static Refusal notAnActor() {
        return Refusal.forbidden("error.403.body");
    }

    @Override
    public void requireToChange(Actor actor, long accountId, String permission) {
        switch (actor) {
            case Actor.Member member -> {
                if (!membershipOf(member, accountId).may(permission)) {
                    throw new CurrentAccount.PermissionDenied(permission);
                }
            }
            case Actor.Staff staff -> requireAdministrator(staff);
            case Actor.User _, Actor.System _ -> throw notAnActor();
        }
    }

    @Override
    public void requireOwner(Actor actor, long accountId) {
        switch (actor) {
            case Actor.Member member -> {
                if (!membershipOf(member, accountId).owner()) {
                    throw new CurrentAccount.PermissionDenied("owner");
                }
            }
            case Actor.Staff staff -> requireAdministrator(staff);
            case Actor.User _, Actor.System _ -> throw notAnActor();
        }
    }
}
