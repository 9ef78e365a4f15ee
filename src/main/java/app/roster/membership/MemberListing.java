package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import app.roster.user.UserLists;
import app.roster.user.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of one account, a keyset page at a time, by user id: the memberships' primary key (account id,
 * user id) hands them over in that order, so a page after the 99,950th member reads the same few index entries
 * as the first page. Waiting memberships (a restricted account, email not yet verified) are listed too.
 *
 * <p>The users and accounts tables are other modules': the owner comes from {@link Accounts#findById} and the
 * page's names and emails from {@link UserLists#byIds} (at most a page of ids, by primary key). A search walks,
 * from the cursor on, both the account's members (the memberships' primary key) and the matching users
 * ({@link UserLists#idsStartingWith}: a rare prefix from the prefix indexes, a common one by walking the users'
 * primary key from the cursor), a chunk at a time, and intersects them by id ({@code = ANY}) until it has a page:
 * one round for a small account, a prefix rare among all users or common in the account. A prefix common among
 * all users and rare in a large account takes a round per chunk (chunks double up to {@value #MAX_CHUNK}) until
 * it has a page or reaches the end: no index holds an account's members by name.
 */
@Repository
@Transactional(readOnly = true)
public class MemberListing {

    static final String LIST = "members";

    static final int FIRST_CHUNK = 1_000;
    static final int MAX_CHUNK = 16_000;
    private static final String COLUMNS = "SELECT user_id, permissions, active, version, created_at FROM memberships";

    private final JdbcClient jdbc;
    private final PermissionCatalogue catalogue;
    private final Accounts accounts;
    private final UserLists users;
    private final AccountAccess access;
    private int firstChunk = FIRST_CHUNK;
    private int maxChunk = MAX_CHUNK;

    MemberListing(JdbcClient jdbc, PermissionCatalogue catalogue, Accounts accounts, UserLists users,
            AccountAccess access) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.users = users;
        this.access = access;
    }

    /**
     * The page as the actor may read it ({@link AccountAccess#requireToReadUsers}): a user or their token with
     * {@code users} in this account, staff and platform API keys in any open account.
     */
    public KeysetPage<ListedMember> list(Actor actor, long accountId, SearchTerm search, Keyset page) {
        access.requireToReadUsers(actor, accountId);
        return list(accountId, search, page);
    }

    /** A page of the account's users; a blank search lists all, otherwise an email, first or last name prefix. */
    public KeysetPage<ListedMember> list(long accountId, SearchTerm search, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        List<Row> rows = search.isBlank() ? jdbc.sql(COLUMNS + """
                 WHERE account_id = :account AND user_id > :after
                ORDER BY user_id LIMIT :fetch""")
                .param("account", accountId).param("after", after).param("fetch", page.fetch())
                .query(MemberListing::row).list()
                : matching(accountId, search, after, page.fetch());
        if (rows.isEmpty()) {
            return KeysetPage.of(List.of(), page, member -> Cursor.of(LIST, member.userId()));
        }
        long ownerUserId = accounts.findById(accountId).map(Account::ownerUserId).orElse(0L);
        Map<Long, UserSummary> byId = users.byIds(rows.stream().map(Row::userId).toList()).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        // As the join did: a membership whose user is not there (never: deleting a user deletes them) is left out.
        List<ListedMember> listed = rows.stream().filter(row -> byId.containsKey(row.userId()))
                .map(row -> listed(row, byId.get(row.userId()), ownerUserId)).toList();
        return KeysetPage.of(listed, page, member -> Cursor.of(LIST, member.userId()));
    }

    /**
     * Up to {@code fetch} memberships of the account after the cursor whose user matches the search, by user id.
     * Each round reads the next chunk of the account's members and, when that is not the rest of them, the next
     * chunk of matching users, and takes the side that reaches further: all matches up to its end are then known,
     * from the users among those members or the members among those users. A small account, a prefix rare among
     * all users or common in the account: one round.
     */
    private List<Row> matching(long accountId, SearchTerm search, long after, int fetch) {
        List<Row> found = new ArrayList<>();
        long position = after;
        int chunk = firstChunk;
        while (found.size() < fetch) {
            List<Row> members = jdbc.sql(COLUMNS + """
                     WHERE account_id = :account AND user_id > :after
                    ORDER BY user_id LIMIT :chunk""")
                    .param("account", accountId).param("after", position).param("chunk", chunk)
                    .query(MemberListing::row).list();
            if (members.isEmpty()) {
                break;
            }
            long membersEnd = members.size() < chunk ? Long.MAX_VALUE : members.getLast().userId();
            List<Long> candidates = membersEnd == Long.MAX_VALUE ? List.of()
                    : users.idsStartingWith(search, position, chunk);
            long usersEnd = candidates.size() < chunk ? Long.MAX_VALUE : candidates.getLast();
            if (membersEnd >= usersEnd) {
                Set<Long> matches = Set.copyOf(users.idsStartingWithAmong(members.stream().map(Row::userId).toList(),
                        search));
                members.stream().filter(row -> matches.contains(row.userId())).forEach(found::add);
            } else if (!candidates.isEmpty()) {
                found.addAll(jdbc.sql(COLUMNS + """
                         WHERE account_id = :account AND user_id = ANY(:ids)
                        ORDER BY user_id LIMIT :fetch""")
                        .param("account", accountId).param("ids", new SqlArrayValue("bigint", candidates.toArray()))
                        .param("fetch", fetch - found.size()).query(MemberListing::row).list());
            }
            long end = Math.max(membersEnd, usersEnd);
            if (end == Long.MAX_VALUE) {
                break;
            }
            position = end;
            chunk = Math.min(chunk * 2, maxChunk);
        }
        return found.size() > fetch ? found.subList(0, fetch) : found;
    }

    /** Smaller chunks, so a test can take the search through several rounds with a few dozen members. */
    void chunks(int first, int max) {
        firstChunk = first;
        maxChunk = max;
    }

    private record Row(long userId, String permissions, boolean active, long version, Instant createdAt) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("user_id"), rs.getString("permissions"), rs.getBoolean("active"),
                rs.getLong("version"), instant(rs, "created_at"));
    }

    private ListedMember listed(Row row, UserSummary user, long ownerUserId) {
        boolean owner = ownerUserId == row.userId();
        return new ListedMember(row.userId(), user.firstName(), user.lastName(), user.email(), user.verified(), owner,
                row.active(),
                owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(row.permissions())),
                row.version(), row.createdAt(), user.lastLoginAt());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
