package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
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

    ClientUsers(JdbcClient jdbc, Accounts accounts, UserLists users) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
    }

    /** A membership row, before its user is known. */
    private record Row(long userId, String permissions, boolean active, long version) {
    }

    /** One page (1-based) of the account's users; a blank query lists all, otherwise a name or email prefix. */
    public Page<ClientUser> page(long accountId, String query, int page) {
        SearchTerm term = SearchTerm.of(query);
        List<Long> ids = jdbc.sql("SELECT user_id FROM memberships WHERE account_id = ?").param(accountId)
                .query(Long.class).list();
        long total = term.isBlank() ? ids.size() : users.countAmong(ids, term);
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        // The owner first, then by the name shown; the id keeps equal names in a stable order across pages.
        long owner = ownerOf(accountId);
        List<UserSummary> found = users.among(ids, owner, term, UserLists.Order.FIRST_NAME, PAGE_SIZE,
                wanted.offset());
        Map<Long, Row> rows = rows(accountId, found.stream().map(UserSummary::id).toList());
        return wanted.of(found.stream().filter(user -> rows.containsKey(user.id()))
                .map(user -> clientUser(user, rows.get(user.id()), owner)).toList(), total);
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
