package app.roster.oidc;

import app.roster.membership.Membership;
import app.roster.membership.Memberships;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * What a signed-in application may learn right now, read fresh at every token, refresh, userinfo and
 * introspection: the user still exists and is not disabled, and, for the {@code account} scope, the membership
 * still exists, with the permissions held there now, narrowed to those the client asked to receive.
 */
@Component
class LiveGrants {

    /** The most accounts the {@code accounts} scope lists (a token is no place for thousands). */
    static final int MAX_ACCOUNTS = 100;

    private final Users users;
    private final Memberships memberships;

    LiveGrants(Users users, Memberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    /** The user behind a principal name (the user id), when they may still sign in. */
    Optional<User> user(String principalName) {
        return id(principalName).flatMap(users::findById).filter(user -> !user.disabled());
    }

    Optional<Membership> membership(long accountId, long userId) {
        return memberships.find(accountId, userId);
    }

    List<Membership> memberships(long userId) {
        return memberships.forUser(userId, MAX_ACCOUNTS, 0);
    }

    /**
     * One account as tokens carry it: id (a string, like every id of the API), name, owner, permissions. Plain
     * {@code HashMap} and {@code ArrayList}: the server stores claims as JSON typed by an allow-list of classes.
     */
    static Map<String, Object> claim(Membership membership, RegisteredClient client) {
        Map<String, Object> account = new HashMap<>();
        account.put("id", String.valueOf(membership.accountId()));
        account.put("name", membership.accountName());
        account.put("owner", membership.owner());
        account.put("permissions", new ArrayList<>(shared(membership.permissions(), client)));
        return account;
    }

    /** The permissions the client may receive ({@link OidcClient#PERMISSIONS}); all when it names none. */
    static Set<String> shared(Set<String> held, RegisteredClient client) {
        Set<String> wanted = OidcClient.permissionsOf(client);
        if (wanted.isEmpty()) {
            return held;
        }
        Set<String> shared = new LinkedHashSet<>(held);
        shared.retainAll(wanted);
        return shared;
    }

    /**
     * A user or account id as the protocol carries it, a string (a principal name, {@code sub}, an account hint or
     * claim); empty for anything else, such as a client id.
     */
    static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
