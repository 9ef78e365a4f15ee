package app.roster.account;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import app.roster.user.UserLists;
import app.roster.user.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every client account, a keyset page at a time, by id; a search matches the start of the account name, the
 * company name or the owner's email. The users table is the user module's: the owners whose email starts with
 * the search come from {@link UserLists#idsByEmailPrefix} (one indexed query, whatever the page), and the page's
 * owners' names and emails from {@link UserLists#byIds} (at most a page of ids, by primary key). Unfiltered, a
 * page walks the accounts' primary key from the cursor on; searched, the planner either walks it the same way or
 * gathers the matches from the two prefix indexes and the owners' ids, whichever it expects to read less; none of
 * it depends on how far into the list the page is.
 */
@Repository
@Transactional(readOnly = true)
public class AccountListing {

    static final String LIST = "accounts";

    // The PostgreSQL prefix indexes are on lower(accounts.name) and lower(accounts.company_name); the owners' ids
    // come as an array, so the third condition is read from the owner index too.
    private static final String SEARCH = " AND (lower(name) LIKE :prefix ESCAPE '\\'"
            + " OR lower(company_name) LIKE :prefix ESCAPE '\\'"
            + " OR owner_user_id = ANY(:owners))";

    private final JdbcClient jdbc;
    private final UserLists users;

    AccountListing(JdbcClient jdbc, UserLists users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public KeysetPage<ListedAccount> list(SearchTerm search, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT id, name, company_name, status, created_at, owner_user_id
                FROM accounts
                WHERE id > :after""" + (search.isBlank() ? "" : SEARCH) + " ORDER BY id LIMIT :fetch")
                .param("after", after).param("fetch", page.fetch());
        if (!search.isBlank()) {
            statement = statement.param("prefix", search.prefixPattern())
                    .param("owners", new SqlArrayValue("bigint", users.idsByEmailPrefix(search).toArray()));
        }
        List<Row> rows = statement.query(AccountListing::row).list();
        Map<Long, UserSummary> owners = users.byIds(rows.stream().map(Row::ownerUserId).distinct().toList())
                .stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        // As the join did: an account whose owner is not there (never, the owner cannot be deleted) is left out.
        List<ListedAccount> listed = rows.stream().filter(row -> owners.containsKey(row.ownerUserId()))
                .map(row -> row.listed(owners.get(row.ownerUserId()))).toList();
        return KeysetPage.of(listed, page, account -> Cursor.of(LIST, account.id()));
    }

    private record Row(long id, String name, String companyName, String status, Instant createdAt,
            long ownerUserId) {

        ListedAccount listed(UserSummary owner) {
            return new ListedAccount(id, name, companyName, status, createdAt, ownerUserId, owner.firstName(),
                    owner.lastName(), owner.email());
        }
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("owner_user_id"));
    }
}
