package app.roster.user;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users found by name or email, for the Admin Area's user pickers (Associate User, a new client's owner). */
@Repository
@Transactional(readOnly = true)
public class UserSearch {

    public static final int PAGE_SIZE = 10;

    private final JdbcClient jdbc;

    UserSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Users whose email, first or last name starts with the query, 10 a page (1-based), by id. */
    public Page<FoundUser> search(String query, int page) {
        SearchTerm term = SearchTerm.of(query);
        if (term.isBlank()) {
            return Page.Request.fromOne(1, PAGE_SIZE).of(List.of(), 0);
        }
        String prefix = term.prefixPattern();
        String where = " FROM users WHERE email LIKE :prefix ESCAPE '\\' OR lower(first_name) LIKE :prefix ESCAPE '\\'"
                + " OR lower(last_name) LIKE :prefix ESCAPE '\\'";
        long total = jdbc.sql("SELECT COUNT(*)" + where).param("prefix", prefix).query(Long.class).single();
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        List<FoundUser> users = jdbc.sql("SELECT id, first_name, last_name, email" + where
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("prefix", prefix).param("limit", PAGE_SIZE).param("offset", wanted.offset())
                .query(UserSearch::found).list();
        return wanted.of(users, total);
    }

    public Optional<FoundUser> find(long userId) {
        return jdbc.sql("SELECT id, first_name, last_name, email FROM users WHERE id = ?").param(userId)
                .query(UserSearch::found).optional();
    }

    private static FoundUser found(ResultSet rs, int row) throws SQLException {
        return new FoundUser(rs.getLong("id"), (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                rs.getString("email"));
    }
}
