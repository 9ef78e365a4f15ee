package app.roster.user;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lists of users, tuned for the screens that show them: the users directory, a client's users, User
 * Management, the owners in the clients list. The users table is this module's, so the modules that list users
 * with their own data (memberships, accounts) ask here, passing the user ids they hold; a list of ids travels as
 * one array parameter, so an account with thousands of users is still one statement.
 */
@Repository
@Transactional(readOnly = true)
public class UserLists {

    /** The directory's count stops here: a common prefix can match a tenth of all users. */
    public static final int DIRECTORY_COUNT_LIMIT = 10_000;

    private static final String COLUMNS = "SELECT id, first_name, last_name, email, email_verified, totp_secret,"
            + " disabled, last_login_at, last_login_ip, last_login_host FROM users";
    // users.email is stored lower-case; the PostgreSQL prefix indexes are on email and lower() of the names.
    private static final String PREFIX = " (email LIKE :prefix ESCAPE '\\'"
            + " OR lower(first_name) LIKE :prefix ESCAPE '\\' OR lower(last_name) LIKE :prefix ESCAPE '\\')";
    // Among given ids the "|| ''" keeps PostgreSQL off the prefix indexes: a common prefix matches a tenth of all
    // users (0.12 s at a million), while the ids, read through the primary key, are a few thousand at most.
    private static final String PREFIX_AMONG_IDS = " AND ((email || '') LIKE :prefix ESCAPE '\\'"
            + " OR (lower(first_name) || '') LIKE :prefix ESCAPE '\\' OR (lower(last_name) || '') LIKE :prefix ESCAPE '\\')";
    private static final String AMONG = " WHERE id = ANY(:ids)";

    private final JdbcClient jdbc;

    UserLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (1-based) of everyone by id, or of the users whose email, first or last name starts with the query. */
    public Page<UserSummary> directory(String query, int page, int size) {
        SearchTerm term = SearchTerm.of(query);
        if (term.isBlank()) {
            long total = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
            Page.Request wanted = Page.Request.fromOne(page, size).within(total);
            return wanted.of(jdbc.sql(COLUMNS + " ORDER BY id LIMIT :limit OFFSET :offset")
                    .param("limit", size).param("offset", wanted.offset()).query(UserLists::summary).list(), total);
        }
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE" + PREFIX + " LIMIT "
                + (DIRECTORY_COUNT_LIMIT + 1) + ") matching").param("prefix", term.prefixPattern())
                .query(Long.class).single();
        long total = Math.min(counted, DIRECTORY_COUNT_LIMIT);
        Page.Request wanted = Page.Request.fromOne(page, size).within(total);
        // "id + 0": ordered by the bare id, PostgreSQL walks the primary key and filters every user when few
        // match (0.6 s at a million users); this way it reads the prefix indexes and sorts what they find.
        return wanted.of(jdbc.sql(COLUMNS + " WHERE" + PREFIX + " ORDER BY id + 0 LIMIT :limit OFFSET :offset")
                .param("prefix", term.prefixPattern()).param("limit", size).param("offset", wanted.offset())
                .query(UserLists::summary).list(), total, counted > DIRECTORY_COUNT_LIMIT);
    }

    /** These users, by id; an unknown id is simply missing. */
    public List<UserSummary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + AMONG + " ORDER BY id").param("ids", array(ids)).query(UserLists::summary).list();
    }

    /** The ids of the users whose email starts with the query (the clients list matches owners so). */
    public List<Long> idsByEmailPrefix(SearchTerm term) {
        if (term.isBlank()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM users WHERE email LIKE :prefix ESCAPE '\\'")
                .param("prefix", term.prefixPattern()).query(Long.class).list();
    }

    /**
     * The ids after {@code afterId} of the users whose email, first or last name starts with the query, in id
     * order, at most {@code limit}: a keyset step through the matching users (the account's member search starts
     * here). PostgreSQL reads a rare prefix from the prefix indexes and a common one by walking the primary key
     * from {@code afterId}, stopping after {@code limit} matches.
     */
    public List<Long> idsStartingWith(SearchTerm term, long afterId, int limit) {
        return jdbc.sql("SELECT id FROM users WHERE" + PREFIX + " AND id > :after ORDER BY id LIMIT :limit")
                .param("prefix", term.prefixPattern()).param("after", afterId).param("limit", limit)
                .query(Long.class).list();
    }

    /** Those of these users whose email, first or last name starts with the query, in id order. */
    public List<Long> idsStartingWithAmong(Collection<Long> ids, SearchTerm term) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return statement("SELECT id FROM users" + AMONG + PREFIX_AMONG_IDS + " ORDER BY id", ids, term)
                .query(Long.class).list();
    }

    private JdbcClient.StatementSpec statement(String sql, Collection<Long> ids, SearchTerm term) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("ids", array(ids));
        return term.isBlank() ? statement : statement.param("prefix", term.prefixPattern());
    }

    private static SqlArrayValue array(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }

    private static UserSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserSummary(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getBoolean("email_verified"), rs.getString("totp_secret") != null,
                rs.getBoolean("disabled"), lastLogin == null ? null : lastLogin.toInstant(),
                rs.getString("last_login_ip"), rs.getString("last_login_host"));
    }
}
