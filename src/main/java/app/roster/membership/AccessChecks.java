package app.roster.membership;

import app.roster.shared.Actor;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The platform's questions about permissions, answered from the live memberships under the same walls as the
 * pages: staff and platform API keys see every account; a user, or their personal token, only the account they
 * act in, and other users there only with {@code users} (as on User Management). An id beyond the actor's reach
 * answers like one that does not exist.
 */
@Component
public class AccessChecks {

    /** The most checks one call may ask: one query answers them all. */
    public static final int MAX_CHECKS = 100;

    private final Memberships memberships;
    private final AccountAccess access;
    private final PermissionCatalogue catalogue;

    AccessChecks(Memberships memberships, AccountAccess access, PermissionCatalogue catalogue) {
        this.memberships = memberships;
        this.access = access;
        this.catalogue = catalogue;
    }

    /**
     * A user's place in an account.
     *
     * @param actorPermissions for a personal token reading its own user: what the token itself may do there (its
     *                         permissions ∩ the user's); null otherwise
     * @param version          the membership's version, changed by every change of its permissions
     */
    public record MemberPermissions(long accountId, long userId, boolean owner, Set<String> permissions,
            Set<String> actorPermissions, long version) {
    }

    /** One question: may this user do this in this account? */
    public record Check(long userId, long accountId, String permission) {
    }

    /** The user's membership of the account, or {@link NotFound} when they are not in it or it is out of reach. */
    public MemberPermissions member(Actor actor, long accountId, long userId) {
        Membership acting = actingMembership(actor, accountId);
        if (acting != null && acting.userId() != userId && !acting.may(PermissionCatalogue.USERS)) {
            throw new CurrentAccount.PermissionDenied(PermissionCatalogue.USERS);
        }
        Membership target = memberships.find(accountId, userId).orElseThrow(NotFound::new);
        Set<String> actorPermissions = actor instanceof Actor.Token && acting.userId() == userId
                ? acting.permissions() : null;
        return new MemberPermissions(accountId, userId, target.owner(), target.permissions(), actorPermissions,
                target.version());
    }

    /** Roster's own read, behind no wall: for the webhook payload of a change it has just made. */
    public Optional<MemberPermissions> read(long accountId, long userId) {
        return memberships.find(accountId, userId).map(target -> new MemberPermissions(accountId, userId,
                target.owner(), target.permissions(), null, target.version()));
    }

    /**
     * Answers each check in order, in one query. A check of an account beyond the actor's reach answers false,
     * like one of a user who is not in the account; an unknown permission is refused ({@code checks[i].permission}).
     */
    public List<Boolean> check(Actor actor, List<Check> checks) {
        if (checks.size() > MAX_CHECKS) {
            throw new Refusal(Refusal.Kind.INVALID, "api.member.tooManyChecks", "checks", MAX_CHECKS);
        }
        for (int i = 0; i < checks.size(); i++) {
            if (!catalogue.isKnown(checks.get(i).permission())) {
                throw new Refusal(Refusal.Kind.INVALID, "api.member.unknownPermission", "checks[" + i + "].permission");
            }
        }
        Long reach = null;
        if (AccountAccess.acting(actor)) {
            reach = reach(actor, checks);
        } else if (actor instanceof Actor.System) {
            throw AccountAccess.notAnActor();
        }
        List<Memberships.AccountUser> pairs = new ArrayList<>();
        for (Check check : checks) {
            if (reach == null || reach == check.accountId()) {
                pairs.add(new Memberships.AccountUser(check.accountId(), check.userId()));
            }
        }
        Map<String, Membership> found = memberships.findAll(pairs);
        Long wall = reach;
        return checks.stream().map(check -> (wall == null || wall == check.accountId())
                && found.containsKey(check.accountId() + ":" + check.userId())
                && found.get(check.accountId() + ":" + check.userId()).may(check.permission())).toList();
    }

    /** The one account a user or their token may ask about; other users there need {@code users}. */
    private long reach(Actor actor, List<Check> checks) {
        long own = actor instanceof Actor.Token token ? token.accountId() : ((Actor.Member) actor).accountId();
        Membership acting = access.membershipOf(actor, own);
        boolean aboutOthers = checks.stream().anyMatch(c -> c.accountId() == own && c.userId() != acting.userId());
        if (aboutOthers && !acting.may(PermissionCatalogue.USERS)) {
            throw new CurrentAccount.PermissionDenied(PermissionCatalogue.USERS);
        }
        return own;
    }

    /** The acting user's (capped) membership, null for staff and API keys, who read every account. */
    private Membership actingMembership(Actor actor, long accountId) {
        return switch (actor) {
            case Actor.Member _, Actor.Token _ -> access.membershipOf(actor, accountId);
            case Actor.Staff _, Actor.ApiKey _ -> null;
            case Actor.User _, Actor.System _ -> throw AccountAccess.notAnActor();
        };
    }
}
