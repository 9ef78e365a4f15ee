package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The memberships table. The account's name, status and owner come from the account module ({@link Accounts}),
 * which reads its own table, by primary key or by the ids this one holds. An account's users are listed by
 * {@link MemberListing}.
 */
@Repository
public class Memberships {

    private static final String SELECT = "SELECT account_id, user_id, permissions, version FROM memberships";

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;
    private final Accounts accounts;

    Memberships(JdbcClient jdbc, PermissionCatalogue catalogue, Accounts accounts) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.accounts = accounts;
    }

    /** The lookup behind "may user U act in account A?" (two primary keys), run on every request. */
    public Optional<Membership> find(long accountId, long userId) {
        return jdbc.sql(SELECT + " WHERE account_id = ? AND user_id = ? AND active = TRUE")
                .params(accountId, userId).query(Memberships::row).optional()
                .flatMap(row -> accounts.findById(accountId).filter(Account::active).map(account -> map(row, account)));
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
        List<Row> found = jdbc.sql(SELECT + " WHERE (account_id, user_id) IN (" + rows + ") AND active = TRUE")
                .params(params).query(Memberships::row).list();
        Map<Long, Account> active = accounts.findAllById(found.stream().map(Row::accountId).distinct().toList())
                .stream().filter(Account::active).collect(Collectors.toMap(Account::id, Function.identity()));
        return found.stream().filter(row -> active.containsKey(row.accountId()))
                .map(row -> map(row, active.get(row.accountId())))
                .collect(Collectors.toMap(m -> m.accountId() + ":" + m.userId(), m -> m));
    }

    /** One user in one account, as a key of {@link #findAll}. */
    public record AccountUser(long accountId, long userId) {
        public String key() {
            return accountId + ":" + userId;
        }
    }

    /** A page of the user's accounts, by name. */
    public List<Membership> forUser(long userId, int limit, int offset) {
        Map<Long, Row> rows = activeRowsOf(userId);
        return accounts.byName(rows.keySet(), true, limit, offset).stream()
                .map(account -> map(rows.get(account.id()), account)).toList();
    }

    public int countForUser(long userId) {
        return accounts.count(activeRowsOf(userId).keySet(), true);
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
        return accounts.findById(accountId).filter(Account::active).isPresent();
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
        return accounts.findById(accountId).map(Account::ownerUserId);
    }

    /** Compare-and-set: only the current owner's hand-over takes effect, so one owner at every moment. */
    boolean changeOwner(long accountId, long fromUserId, long toUserId) {
        return accounts.changeOwner(accountId, fromUserId, toUserId);
    }

    /** The user's memberships that are in effect, by account id (their accounts may still be closed). */
    private Map<Long, Row> activeRowsOf(long userId) {
        return jdbc.sql(SELECT + " WHERE user_id = ? AND active = TRUE").param(userId).query(Memberships::row).list()
                .stream().collect(Collectors.toMap(Row::accountId, Function.identity()));
    }

    /** A row of the table, before the account is known. */
    private record Row(long accountId, long userId, String permissions, long version) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("account_id"), rs.getLong("user_id"), rs.getString("permissions"),
                rs.getLong("version"));
    }

    private Membership map(Row row, Account account) {
        boolean owner = account.ownerUserId() == row.userId();
        return new Membership(row.accountId(), account.name(), row.userId(), owner,
                effective(owner, row.permissions()), row.version());
    }

    static SqlArrayValue array(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }

    /** The owner holds every permission, always (rule 1); others hold what is stored and still known. */
    private Set<String> effective(boolean owner, String stored) {
        return owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(stored));
    }
}
