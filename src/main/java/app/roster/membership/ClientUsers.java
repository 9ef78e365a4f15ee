package app.roster.membership;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of one client account as staff see them, a page at a time: an account may have thousands. Every
 * query starts from the account's memberships (their primary key leads with the account id) and joins users by
 * id, so a search filters only that account's rows and needs no index of its own.
 */
@Repository
@Transactional(readOnly = true)
public class ClientUsers {

    public static final int PAGE_SIZE = 25;

    private static final String FROM = " FROM memberships m JOIN users u ON u.id = m.user_id";
    private static final String OF_ACCOUNT = " WHERE m.account_id = :account";
    // users.email is stored lower-case. The "|| ''" keeps PostgreSQL off the users' prefix indexes: a common
    // prefix matches a tenth of all users (0.12 s at a million), while an account's own members, read
    // through its key, are a few thousand at most (0.01 s).
    private static final String SEARCH = " AND ((u.email || '') LIKE :prefix ESCAPE '\\'"
            + " OR (lower(u.first_name) || '') LIKE :prefix ESCAPE '\\'"
            + " OR (lower(u.last_name) || '') LIKE :prefix ESCAPE '\\')";
    private static final String COLUMNS = """
            SELECT u.id, u.first_name, u.last_name, u.email, u.last_login_at, u.last_login_ip, u.last_login_host,
                   m.permissions, m.active, m.version, CASE WHEN u.id = a.owner_user_id THEN TRUE ELSE FALSE END AS owner"""
            + FROM + " JOIN accounts a ON a.id = m.account_id";
    // The owner first, then by the name shown; the id keeps equal names in a stable order across pages.
    private static final String ORDER = " ORDER BY owner DESC, lower(u.first_name), lower(u.last_name), u.id";

    private final JdbcClient jdbc;

    ClientUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (1-based) of the account's users; a blank query lists all, otherwise a name or email prefix. */
    public Page<ClientUser> page(long accountId, String query, int page) {
        SearchTerm term = SearchTerm.of(query);
        String where = OF_ACCOUNT + (term.isBlank() ? "" : SEARCH);
        long total = statement("SELECT COUNT(*)" + FROM + where, accountId, term).query(Long.class).single();
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        List<ClientUser> users = statement(COLUMNS + where + ORDER + " LIMIT :limit OFFSET :offset", accountId, term)
                .param("limit", PAGE_SIZE).param("offset", wanted.offset())
                .query(ClientUsers::row).list();
        return wanted.of(users, total);
    }

    /** A user of the account; empty for anyone else, so another client's user is just an unknown id. */
    public Optional<ClientUser> find(long accountId, long userId) {
        return statement(COLUMNS + OF_ACCOUNT + " AND m.user_id = :user", accountId, SearchTerm.of(null))
                .param("user", userId)
                .query(ClientUsers::row).optional();
    }

    public int count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ?").param(accountId)
                .query(Integer.class).single();
    }

    private JdbcClient.StatementSpec statement(String sql, long accountId, SearchTerm term) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("account", accountId);
        return term.isBlank() ? statement : statement.param("prefix", term.prefixPattern());
    }

    private static ClientUser row(ResultSet rs, int row) throws SQLException {
        return new ClientUser(rs.getLong("id"), (rs.getString("first_name") + " " + rs.getString("last_name")).strip(), rs.getString("email"),
                time(rs, "last_login_at"), rs.getString("last_login_ip"),
                rs.getString("last_login_host"), rs.getBoolean("owner"),
                UserDirectory.permissions(rs.getString("permissions")), rs.getBoolean("active"),
                rs.getLong("version"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
}
