package app.roster.membership;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of one user, a keyset page at a time, by account id (index on user id, account id); closed
 * accounts and waiting memberships included, each saying so.
 */
@Repository
@Transactional(readOnly = true)
public class MembershipListing {

    static final String LIST = "memberships";

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;

    MembershipListing(JdbcClient jdbc, PermissionCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    public KeysetPage<ListedMembership> list(long userId, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        return KeysetPage.of(jdbc.sql("""
                SELECT m.account_id, a.name, a.status, a.owner_user_id, m.permissions, m.active, m.version, m.created_at
                FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = :user AND m.account_id > :after
                ORDER BY m.account_id LIMIT :fetch""")
                .param("user", userId).param("after", after).param("fetch", page.fetch())
                .query((rs, row) -> row(rs, userId)).list(),
                page, membership -> Cursor.of(LIST, membership.accountId()));
    }

    private ListedMembership row(ResultSet rs, long userId) throws SQLException {
        boolean owner = rs.getLong("owner_user_id") == userId;
        return new ListedMembership(rs.getLong("account_id"), rs.getString("name"), rs.getString("status"), owner,
                rs.getBoolean("active"),
                owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(rs.getString("permissions"))),
                rs.getLong("version"), MemberListing.instant(rs, "created_at"));
    }
}
