package app.roster.user;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Language;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user, a keyset page at a time, by id; a search matches the start of the email, first or last name.
 * A page starts at the cursor's id in the primary key, so page 20,000 costs what the first one does.
 */
@Repository
@Transactional(readOnly = true)
public class UserListing {

    static final String LIST = "users";

    // users.email is stored lower-case; the PostgreSQL prefix indexes are on email and lower() of the names.
    private static final String SEARCH = " AND (email LIKE :prefix ESCAPE '\\'"
            + " OR lower(first_name) LIKE :prefix ESCAPE '\\' OR lower(last_name) LIKE :prefix ESCAPE '\\')";

    private final JdbcClient jdbc;

    UserListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public KeysetPage<ListedUser> list(SearchTerm search, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT id, first_name, last_name, email, email_verified, disabled,
                       totp_secret IS NOT NULL AS two_factor, language, last_login_at, created_at
                FROM users WHERE id > :after""" + (search.isBlank() ? "" : SEARCH) + " ORDER BY id LIMIT :fetch")
                .param("after", after).param("fetch", page.fetch());
        if (!search.isBlank()) {
            statement = statement.param("prefix", search.prefixPattern());
        }
        return KeysetPage.of(statement.query(UserListing::row).list(), page, user -> Cursor.of(LIST, user.id()));
    }

    private static ListedUser row(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new ListedUser(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getBoolean("email_verified"), rs.getBoolean("disabled"),
                rs.getBoolean("two_factor"), Language.fromCode(rs.getString("language")).orElse(Language.EN),
                lastLogin == null ? null : lastLogin.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
