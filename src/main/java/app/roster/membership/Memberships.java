package app.roster.membership;

import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table, read together with the account's name and owner in one indexed query. */
@Repository
public class Memberships {

    private static final String SELECT = """
            SELECT m.account_id, a.name, m.user_id, a.owner_user_id, m.permissions, m.version
            FROM memberships m JOIN accounts a ON a.id = m.account_id
            """;
    // The "|| ''" keeps PostgreSQL off the users' prefix indexes: a common prefix matches a tenth of all users
    // (0.12 s at a million), while the account's own members, read through its key, are few (0.01 s).
    private static final String MEMBERS = """
            FROM memberships m JOIN accounts a ON a.id = m.account_id JOIN users u ON u.id = m.user_id
            WHERE m.account_id = :account AND m.active = TRUE
              AND (:all OR (u.email || '') LIKE :prefix ESCAPE '\\'
                   OR (LOWER(u.first_name) || '') LIKE :prefix ESCAPE '\\'
                   OR (LOWER(u.last_name) || '') LIKE :prefix ESCAPE '\\')
            """;

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;

    Memberships(JdbcClient jdbc, PermissionCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The one query behind "may user U act in account A?" (primary key + join), run on every request. */
    public Optional<Membership> find(long accountId, long userId) {
        return jdbc.sql(SELECT + " WHERE m.account_id = ? AND m.user_id = ? AND m.active = TRUE AND a.status = 'ACTIVE'")
                .params(accountId, userId).query(this::map).optional();
    }

    /**
     * The active memberships among the given (account, user) pairs, in one query whatever their number (the API's
     * batch check asks for up to a hundred): keyed by {@code accountId + ":" + userId}.
     */
    public java.util.Map<String, Membership> findAll(java.util.Collection<AccountUser> pairs) {
        if (pairs.isEmpty()) {
            return java.util.Map.of();
        }
        List<AccountUser> distinct = List.copyOf(new java.util.LinkedHashSet<>(pairs));
        Object[] params = distinct.stream().flatMap(pair -> java.util.stream.Stream.of(pair.accountId(), pair.userId()))
                .toArray();
        String rows = String.join(", ", java.util.Collections.nCopies(distinct.size(), "(?, ?)"));
        return jdbc.sql(SELECT + " WHERE (m.account_id, m.user_id) IN (" + rows + ") AND m.active = TRUE "
                        + "AND a.status = 'ACTIVE'")
                .params(params).query(this::map).list().stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.accountId() + ":" + m.userId(), m -> m));
    }

    /** One user in one account, as a key of {@link #findAll}. */
    public record AccountUser(long accountId, long userId) {
        public String key() {
            return accountId + ":" + userId;
        }
    }

    /** A page of the user's accounts, by name. */
    public List<Membership> forUser(long userId, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE m.user_id = ? AND m.active = TRUE AND a.status = 'ACTIVE' "
                + "ORDER BY a.name, a.id LIMIT ? OFFSET ?")
                .params(userId, limit, offset).query(this::map).list();
    }

    public int countForUser(long userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = ? AND m.active = TRUE AND a.status = 'ACTIVE'""")
                .param(userId).query(Integer.class).single();
    }

    /** A page of an account's users, the owner first, then by name; {@code query} is a name or email prefix. */
    public List<Member> members(long accountId, String query, int limit, int offset) {
        return jdbc.sql("""
                SELECT m.user_id, u.first_name, u.last_name, u.email, a.owner_user_id, m.permissions, u.last_login_at
                """ + MEMBERS + """
                ORDER BY CASE WHEN a.owner_user_id = m.user_id THEN 0 ELSE 1 END, u.last_name, u.first_name, u.id
                LIMIT :limit OFFSET :offset""")
                .param("account", accountId).param("all", SearchTerm.of(query).isBlank())
                .param("prefix", SearchTerm.of(query).prefixPattern()).param("limit", limit).param("offset", offset)
                .query(this::mapMember).list();
    }

    public int countMembers(long accountId, String query) {
        SearchTerm term = SearchTerm.of(query);
        if (term.isBlank()) {
            // Without a search the count needs no join: the primary key index answers it.
            return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND active = TRUE")
                    .param(accountId).query(Integer.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) " + MEMBERS)
                .param("account", accountId).param("all", false).param("prefix", term.prefixPattern())
                .query(Integer.class).single();
    }

    void insert(long accountId, long userId, Set<String> permissions, Instant now) {
        insert(accountId, userId, permissions, true, now);
    }

    /** False when the user already had a membership (active or waiting) in the account. */
    boolean insert(long accountId, long userId, Set<String> permissions, boolean active, Instant now) {
        return jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(accountId, userId, String.join(",", catalogue.known(permissions)), active, Timestamp.from(now))
                .update() == 1;
    }

    /** Whether the user belongs to the account, or will once their email is verified. */
    public boolean includesOrAwaits(long accountId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, userId).query(Integer.class).single() > 0;
    }

    /** The accounts where the user's membership waits for a verified email (a restricted account). */
    public List<Long> waitingAccountsOf(long userId) {
        return jdbc.sql("SELECT account_id FROM memberships WHERE user_id = ? AND active = FALSE ORDER BY account_id")
                .param(userId).query(Long.class).list();
    }

    boolean activate(long accountId, long userId) {
        return jdbc.sql("UPDATE memberships SET active = TRUE WHERE account_id = ? AND user_id = ? AND active = FALSE")
                .params(accountId, userId).update() == 1;
    }

    void updatePermissions(long accountId, long userId, Set<String> permissions) {
        jdbc.sql("UPDATE memberships SET permissions = ?, version = version + 1 WHERE account_id = ? AND user_id = ?")
                .params(String.join(",", catalogue.known(permissions)), accountId, userId).update();
    }

    /** Compare-and-set on the version the form showed: false, changing nothing, when someone changed it since. */
    boolean updatePermissions(long accountId, long userId, Set<String> permissions, long expectedVersion) {
        return jdbc.sql("""
                UPDATE memberships SET permissions = ?, version = version + 1
                WHERE account_id = ? AND user_id = ? AND version = ?""")
                .params(String.join(",", catalogue.known(permissions)), accountId, userId, expectedVersion)
                .update() == 1;
    }

    /** Whether the account exists and is not closed. */
    boolean isOpenAccount(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ? AND status = 'ACTIVE'").param(accountId)
                .query(Integer.class).single() > 0;
    }

    /** Compare-and-set on the version the client read: false, removing nothing, when it changed since. */
    boolean delete(long accountId, long userId, long expectedVersion) {
        return jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ? AND version = ?")
                .params(accountId, userId, expectedVersion).update() == 1;
    }

    /** True when this call removed it (of two racing removals, one). */
    boolean delete(long accountId, long userId) {
        return jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, userId).update() == 1;
    }

    /** The account's owner, also for a closed account (staff act on those too). */
    Optional<Long> ownerOf(long accountId) {
        return jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(accountId).query(Long.class).optional();
    }

    /** Compare-and-set: only the current owner's hand-over takes effect, so one owner at every moment. */
    boolean changeOwner(long accountId, long fromUserId, long toUserId) {
        return jdbc.sql("UPDATE accounts SET owner_user_id = ? WHERE id = ? AND owner_user_id = ?")
                .params(toUserId, accountId, fromUserId).update() == 1;
    }

    private Membership map(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        boolean owner = rs.getLong("owner_user_id") == userId;
        return new Membership(rs.getLong("account_id"), rs.getString("name"), userId, owner,
                effective(owner, rs.getString("permissions")), rs.getLong("version"));
    }

    private Member mapMember(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        boolean owner = rs.getLong("owner_user_id") == userId;
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new Member(userId, rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                owner, effective(owner, rs.getString("permissions")), lastLogin == null ? null : lastLogin.toInstant());
    }

    /** The owner holds every permission, always (rule 1); others hold what is stored and still known. */
    private Set<String> effective(boolean owner, String stored) {
        return owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(stored));
    }
}
