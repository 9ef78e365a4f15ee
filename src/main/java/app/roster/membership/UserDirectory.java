package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.shared.Page;
import app.roster.user.UserLists;
import app.roster.user.UserSummary;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of users for staff: the directory with its search, a user's accounts, and the users an
 * account would leave without any account. The users come from the user module ({@link UserLists}), the accounts
 * from the account module ({@link Accounts}); this module adds what only it knows, from the memberships: the
 * account counts (one grouped query per page), who belongs where and with which permissions.
 */
@Repository
@Transactional(readOnly = true)
public class UserDirectory {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final UserLists users;
    private final Accounts accounts;

    UserDirectory(JdbcClient jdbc, UserLists users, Accounts accounts) {
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
    }

    /** One page (1-based) by id; a blank query lists everyone, otherwise a name or email prefix. */
    public Page<DirectoryUser> search(String query, int page) {
        Page<UserSummary> found = users.directory(query, page, PAGE_SIZE);
        Map<Long, Integer> counts = accountCounts(found.items().stream().map(UserSummary::id).toList());
        return found.withItems(found.items().stream()
                .map(user -> row(user, counts.getOrDefault(user.id(), 0))).toList());
    }

    /** The accounts of a user (waiting memberships and closed accounts included), by name. */
    public List<UserAccount> accountsOf(long userId, int limit) {
        Map<Long, Stored> memberships = jdbc.sql("SELECT account_id, active, permissions FROM memberships WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> new Stored(rs.getLong("account_id"), rs.getBoolean("active"),
                        rs.getString("permissions")))
                .list().stream().collect(Collectors.toMap(Stored::accountId, Function.identity()));
        return accounts.byName(memberships.keySet(), false, limit, 0).stream()
                .map(account -> userAccount(account, userId, memberships.get(account.id()))).toList();
    }

    public int countAccounts(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(userId)
                .query(Integer.class).single();
    }

    /** The users of an account who belong to no other account: deleting the account leaves them with none. */
    public List<DirectoryUser> usersOnlyIn(long accountId) {
        List<Long> ids = jdbc.sql("""
                SELECT m.user_id FROM memberships m WHERE m.account_id = :account
                  AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = m.user_id AND o.account_id <> :account)""")
                .param("account", accountId).query(Long.class).list();
        return users.byIds(ids).stream().map(user -> row(user, 1)).toList();
    }

    /** The user's membership in one account, as stored. */
    private record Stored(long accountId, boolean active, String permissions) {
    }

    private static UserAccount userAccount(Account account, long userId, Stored membership) {
        return new UserAccount(account.id(), account.name(), account.status().name(),
                account.ownerUserId() == userId, membership.active(), permissions(membership.permissions()));
    }

    private Map<Long, Integer> accountCounts(List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT user_id, COUNT(*) AS n FROM memberships WHERE user_id = ANY(:ids) GROUP BY user_id""")
                .param("ids", Memberships.array(userIds))
                .query((rs, row) -> Map.entry(rs.getLong("user_id"), rs.getInt("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static DirectoryUser row(UserSummary user, int accounts) {
        return new DirectoryUser(user.id(), user.name(), user.email(), user.verified(), user.twoFactor(),
                user.disabled(), user.lastLoginAt() == null ? null : user.lastLoginAt().atOffset(ZoneOffset.UTC),
                user.lastLoginIp(), user.lastLoginHost(), accounts);
    }

    static Set<String> permissions(String stored) {
        return stored == null ? new LinkedHashSet<>() : Arrays.stream(stored.split(",")).map(String::strip)
                .filter(key -> !key.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
