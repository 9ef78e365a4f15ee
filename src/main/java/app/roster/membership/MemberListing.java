package app.roster.membership;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of one account, a keyset page at a time, by user id: the memberships' primary key (account id,
 * user id) hands them over in that order, so a page after the 99,950th member reads the same few index entries
 * as the first page. Waiting memberships (a restricted account, email not yet verified) are listed too.
 *
 * <p>The cursor bounds the users too ({@code u.id > :after}): PostgreSQL joins the two by merging their primary
 * keys for a search, and without that bound it read users from the first id on, for every page (0.7 s for a
 * page halfway through a 100,000-member account). A search for a prefix that is common among all users and rare in the account still
 * reads until it has a page or the end (1.5 to 3 s for none among 100,000 members of a million users): no index
 * holds an account's members by name.
 */
@Repository
@Transactional(readOnly = true)
public class MemberListing {

    static final String LIST = "members";

    // users.email is stored lower-case. PostgreSQL picks: a rare prefix through the users' prefix indexes (0.2 ms
    // in a 100,000-member account), a common one by walking the account's members from the cursor.
    private static final String SEARCH = " AND (u.email LIKE :prefix ESCAPE '\\'"
            + " OR lower(u.first_name) LIKE :prefix ESCAPE '\\' OR lower(u.last_name) LIKE :prefix ESCAPE '\\')";

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;

    MemberListing(JdbcClient jdbc, PermissionCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** A page of the account's users; a blank search lists all, otherwise an email, first or last name prefix. */
    public KeysetPage<ListedMember> list(long accountId, SearchTerm search, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT m.user_id, m.permissions, m.active, m.version, m.created_at, u.first_name, u.last_name,
                       u.email, u.email_verified, u.last_login_at,
                       (SELECT a.owner_user_id FROM accounts a WHERE a.id = :account) AS owner_user_id
                FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.account_id = :account AND m.user_id > :after AND u.id > :after"""
                + (search.isBlank() ? "" : SEARCH)
                + " ORDER BY m.user_id LIMIT :fetch")
                .param("account", accountId).param("after", after).param("fetch", page.fetch());
        if (!search.isBlank()) {
            statement = statement.param("prefix", search.prefixPattern());
        }
        return KeysetPage.of(statement.query(this::row).list(), page, member -> Cursor.of(LIST, member.userId()));
    }

    private ListedMember row(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        boolean owner = rs.getLong("owner_user_id") == userId;
        return new ListedMember(userId, rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getBoolean("email_verified"), owner, rs.getBoolean("active"),
                owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(rs.getString("permissions"))),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "last_login_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
