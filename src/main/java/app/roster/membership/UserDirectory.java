package app.roster.membership;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of users for staff: the directory with its search, a user's accounts, and the users an
 * account would leave without any account. Account counts come from one grouped query per page.
 */
@Repository
@Transactional(readOnly = true)
public class UserDirectory {

    public static final int PAGE_SIZE = 25;
    static final int COUNT_LIMIT = 10_000;

    // users.email is stored lower-case; the PostgreSQL prefix indexes are on email and lower() of the names.
    private static final String SEARCH = " WHERE email LIKE :prefix ESCAPE '\\'"
            + " OR lower(first_name) LIKE :prefix ESCAPE '\\' OR lower(last_name) LIKE :prefix ESCAPE '\\'";
    private static final String COLUMNS = "SELECT id, first_name, last_name, email, email_verified, totp_secret,"
            + " disabled, last_login_at, last_login_ip, last_login_host FROM users";

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (1-based) by id; a blank query lists everyone, otherwise a name or email prefix. */
    public Page<DirectoryUser> search(String query, int page) {
        SearchTerm term = SearchTerm.of(query);
        if (term.isBlank()) {
            long total = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
            return page(total, false, page, COLUMNS + " ORDER BY id", term);
        }
        // A common prefix can match a tenth of all users: the count stops at the limit instead.
        long counted = statement("SELECT COUNT(*) FROM (SELECT 1 FROM users" + SEARCH + " LIMIT "
                + (COUNT_LIMIT + 1) + ") matching", term).query(Long.class).single();
        // "id + 0": ordered by the bare id, PostgreSQL walks the primary key and filters every user when few
        // match (0.6 s at a million users); this way it reads the prefix indexes and sorts what they find.
        return page(Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT, page,
                COLUMNS + SEARCH + " ORDER BY id + 0", term);
    }

    private Page<DirectoryUser> page(long total, boolean more, int page, String sql, SearchTerm term) {
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        List<DirectoryUser> users = statement(sql + " LIMIT :limit OFFSET :offset", term)
                .param("limit", PAGE_SIZE).param("offset", wanted.offset())
                .query(UserDirectory::row).list();
        return wanted.of(withAccountCounts(users), total, more);
    }

    /** The accounts of a user (waiting memberships and closed accounts included), by name. */
    public List<UserAccount> accountsOf(long userId, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.name, a.status, a.owner_user_id, m.active, m.permissions
                FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = ? ORDER BY a.name, a.id LIMIT ?""")
                .params(userId, limit)
                .query((rs, row) -> new UserAccount(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                        rs.getLong("owner_user_id") == userId, rs.getBoolean("active"),
                        permissions(rs.getString("permissions"))))
                .list();
    }

    public int countAccounts(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(userId)
                .query(Integer.class).single();
    }

    /** The users of an account who belong to no other account: deleting the account leaves them with none. */
    public List<DirectoryUser> usersOnlyIn(long accountId) {
        return jdbc.sql(COLUMNS + """
                 WHERE id IN (SELECT m.user_id FROM memberships m WHERE m.account_id = :account
                    AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = m.user_id
                                    AND o.account_id <> :account))
                ORDER BY id""")
                .param("account", accountId)
                .query(UserDirectory::row).list().stream().map(user -> user.withAccounts(1)).toList();
    }

    private List<DirectoryUser> withAccountCounts(List<DirectoryUser> users) {
        if (users.isEmpty()) {
            return users;
        }
        Map<Long, Integer> counts = jdbc.sql("""
                SELECT user_id, COUNT(*) AS n FROM memberships WHERE user_id IN (:ids) GROUP BY user_id""")
                .param("ids", users.stream().map(DirectoryUser::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong("user_id"), rs.getInt("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return users.stream().map(user -> user.withAccounts(counts.getOrDefault(user.id(), 0))).toList();
    }

    private JdbcClient.StatementSpec statement(String sql, SearchTerm term) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        return term.isBlank() ? statement : statement.param("prefix", term.prefixPattern());
    }

    private static DirectoryUser row(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new DirectoryUser(rs.getLong("id"),
                (rs.getString("first_name") + " " + rs.getString("last_name")).strip(), rs.getString("email"),
                rs.getBoolean("email_verified"), rs.getString("totp_secret") != null, rs.getBoolean("disabled"),
                lastLogin == null ? null : lastLogin.toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("last_login_ip"), rs.getString("last_login_host"), 0);
    }

    static java.util.Set<String> permissions(String stored) {
        return stored == null ? new LinkedHashSet<>() : Arrays.stream(stored.split(",")).map(String::strip)
                .filter(key -> !key.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
