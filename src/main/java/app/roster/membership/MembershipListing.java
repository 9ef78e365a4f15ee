package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.StaffOnly;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of one user, a keyset page at a time, by account id (index on user id, account id); closed
 * accounts and waiting memberships included, each saying so. The accounts table is the account module's: the
 * page's memberships come first (one index range), then their accounts' names, status and owners from
 * {@link Accounts#findAllById} (at most a page of ids, by primary key): two statements, wherever the page is.
 */
@Repository
@Transactional(readOnly = true)
public class MembershipListing {

    static final String LIST = "memberships";

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;
    private final Accounts accounts;

    MembershipListing(JdbcClient jdbc, PermissionCatalogue catalogue, Accounts accounts) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.accounts = accounts;
    }

    /** Staff and platform keys only, like the user they belong to; a personal token is refused. */
    public KeysetPage<ListedMembership> list(Actor actor, long userId, Keyset page) {
        StaffOnly.requireStaff(actor);
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        List<Row> rows = jdbc.sql("""
                SELECT account_id, permissions, active, version, created_at
                FROM memberships
                WHERE user_id = :user AND account_id > :after
                ORDER BY account_id LIMIT :fetch""")
                .param("user", userId).param("after", after).param("fetch", page.fetch())
                .query(MembershipListing::row).list();
        Map<Long, Account> byId = accounts.findAllById(rows.stream().map(Row::accountId).toList()).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        // As the join did: a membership whose account is not there (never: deleting an account deletes them) is left out.
        List<ListedMembership> listed = rows.stream().filter(row -> byId.containsKey(row.accountId()))
                .map(row -> listed(row, byId.get(row.accountId()), userId)).toList();
        return KeysetPage.of(listed, page, membership -> Cursor.of(LIST, membership.accountId()));
    }

    private record Row(long accountId, String permissions, boolean active, long version, Instant createdAt) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("account_id"), rs.getString("permissions"), rs.getBoolean("active"),
                rs.getLong("version"), MemberListing.instant(rs, "created_at"));
    }

    private ListedMembership listed(Row row, Account account, long userId) {
        boolean owner = account.ownerUserId() == userId;
        return new ListedMembership(row.accountId(), account.name(), account.status().name(), owner, row.active(),
                owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(row.permissions())),
                row.version(), row.createdAt());
    }
}
