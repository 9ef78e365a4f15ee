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
 * membership or permission takes effect on the very next request. The billing platform's API calls it.
 */
@Component
public class AccountAccess implements AccountPermissions {

    private final Memberships memberships;
    private final PermissionCatalogue catalogue;

    AccountAccess(Memberships memberships, PermissionCatalogue catalogue) {
        this.memberships = memberships;
        this.catalogue = catalogue;
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

    /**
     * A personal token's membership: its user's live one, capped to what the token carries (owner only with every
     * permission), so the token may only what both allow. Another account's id is {@link NotFound}.
     */
    public Membership membershipOf(Actor.Token token, long accountId) {
        if (token.accountId() != accountId) {
            throw new NotFound();
        }
        return memberships.find(accountId, token.userId()).orElseThrow(NotFound::new)
                .cappedTo(token.permissions(), catalogue.everything());
    }

    /** The membership a user or their personal token acts with; for anyone else (see {@link #acting}) a refusal. */
    public Membership membershipOf(Actor actor, long accountId) {
        return switch (actor) {
            case Actor.Member member -> membershipOf(member, accountId);
            case Actor.Token token -> membershipOf(token, accountId);
            case Actor.User _, Actor.Staff _, Actor.ApiKey _, Actor.System _ -> throw notAnActor();
        };
    }

    /**
     * For reading an account's users or invitations, as User Management does: a user (or their token) of this
     * account holding {@code users} (403 without it, 404 for another account), staff of either role and platform
     * API keys for any open account (404 for a missing or closed one).
     */
    public void requireToReadUsers(Actor actor, long accountId) {
        switch (actor) {
            case Actor.Member _, Actor.Token _ -> {
                if (!membershipOf(actor, accountId).may(PermissionCatalogue.USERS)) {
                    throw new CurrentAccount.PermissionDenied(PermissionCatalogue.USERS);
                }
            }
            case Actor.Staff _, Actor.ApiKey _ -> {
                StaffOnly.requireStaff(actor);
                if (!memberships.isOpenAccount(accountId)) {
                    throw new NotFound();
                }
            }
            case Actor.User _, Actor.System _ -> throw notAnActor();
        }
    }

    /** Whether the actor acts as a user in an account (a signed-in user or their personal token). */
    public static boolean acting(Actor actor) {
        return actor instanceof Actor.Member || actor instanceof Actor.Token;
    }

    /**
     * Support staff read and send emails again; every change needs an Administrator, or a platform API key (bound by
     * the same rules as an Administrator; its scopes are checked by the API).
     */
    public static void requireAdministrator(Actor actor) {
        StaffOnly.requireAdministrator(actor);
    }

    /** Nobody but users and staff acts on an account's data through a use case (jobs have their own). */
    static Refusal notAnActor() {
        return Refusal.forbidden("error.403.body");
    }

    @Override
    public void requireToChange(Actor actor, long accountId, String permission) {
        switch (actor) {
            case Actor.Member _, Actor.Token _ -> {
                if (!membershipOf(actor, accountId).may(permission)) {
                    throw new CurrentAccount.PermissionDenied(permission);
                }
            }
            case Actor.Staff _, Actor.ApiKey _ -> requireAdministrator(actor);
            case Actor.User _, Actor.System _ -> throw notAnActor();
        }
    }

    @Override
    public void requireOwner(Actor actor, long accountId) {
        switch (actor) {
            case Actor.Member _, Actor.Token _ -> {
                if (!membershipOf(actor, accountId).owner()) {
                    throw new CurrentAccount.PermissionDenied("owner");
                }
            }
            case Actor.Staff _, Actor.ApiKey _ -> requireAdministrator(actor);
            case Actor.User _, Actor.System _ -> throw notAnActor();
        }
    }
}
