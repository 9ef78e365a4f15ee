package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.shared.CursorPage;
import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import app.roster.user.UserLists;
import app.roster.user.UserSummary;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of one client account as staff see them, a page at a time: an account may have thousands. The
 * account's memberships (their primary key leads with the account id) give the user ids, the user module pages
 * through those users by name ({@link UserLists}), and the page's memberships come back by primary key; so a
 * search filters only that account's users and needs no index of its own.
 */
@Repository
@Transactional(readOnly = true)
public class ClientUsers {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final UserLists users;
    private final MemberListing listing;

    ClientUsers(JdbcClient jdbc, Accounts accounts, UserLists users, MemberListing listing) {
        this.jdbc = jdbc;
        this.listing = listing;
        this.accounts = accounts;
        this.users = users;
    }

    /** A membership row, before its user is known. */
    private record Row(long userId, String permissions, boolean active, long version) {
    }

    /**
     * A page of the account's users, the owner first, then by user id, {@link #PAGE_SIZE} after or before a cursor
     * ({@link MemberListing#window}: a deep page costs what the first does); a blank query lists all, otherwise a
     * name or email prefix. Counted without a query, from the primary key index.
     */
    public CursorPage<ClientUser> page(long accountId, String query, String after, String before) {
        SearchTerm term = SearchTerm.of(query);
        return listing.window(accountId, term, after, before, PAGE_SIZE, false,
                term.isBlank() ? count(accountId) : Page.UNKNOWN,
                (row, user, owner) -> clientUser(user, new Row(row.userId(), row.permissions(), row.active(),
                        row.version()), owner ? user.id() : 0));
    }

    /** A user of the account; empty for anyone else, so another client's user is just an unknown id. */
    public Optional<ClientUser> find(long accountId, long userId) {
        Row row = rows(accountId, List.of(userId)).get(userId);
        if (row == null) {
            return Optional.empty();
        }
        return users.byIds(List.of(userId)).stream().findFirst()
                .map(user -> clientUser(user, row, ownerOf(accountId)));
    }

    public int count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ?").param(accountId)
                .query(Integer.class).single();
    }

    private long ownerOf(long accountId) {
        return accounts.findById(accountId).map(Account::ownerUserId).orElse(0L);
    }

    private Map<Long, Row> rows(long accountId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT user_id, permissions, active, version FROM memberships
                WHERE account_id = :account AND user_id = ANY(:users)""")
                .param("account", accountId).param("users", Memberships.array(userIds))
                .query((rs, n) -> new Row(rs.getLong("user_id"), rs.getString("permissions"), rs.getBoolean("active"),
                        rs.getLong("version")))
                .list().stream().collect(Collectors.toMap(Row::userId, Function.identity()));
    }

    private static ClientUser clientUser(UserSummary user, Row row, long owner) {
        return new ClientUser(user.id(), user.name(), user.email(), utc(user), user.lastLoginIp(),
                user.lastLoginHost(), user.id() == owner, UserDirectory.permissions(row.permissions()), row.active(),
                row.version());
    }

    private static OffsetDateTime utc(UserSummary user) {
        return user.lastLoginAt() == null ? null : user.lastLoginAt().atOffset(ZoneOffset.UTC);
    }
}
