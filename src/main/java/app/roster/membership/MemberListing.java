package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.CursorPage;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Page;
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
                : matching(accountId, search, after, page.fetch(), "");
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
     * A page of User Management: the account's active users, the owner first, then by user id, {@code size} after
     * or before a cursor of this list (a changed one is INVALID, a 400 page); counted when there is no search,
     * which the primary key index answers.
     */
    public CursorPage<Member> members(long accountId, SearchTerm search, String after, String before, int size) {
        long total = search.isBlank() ? jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND active = TRUE")
                .param(accountId).query(Long.class).single() : Page.UNKNOWN;
        return window(accountId, search, after, before, size, true, total,
                (row, user, owner) -> new Member(user.id(), user.firstName(), user.lastName(), user.email(), owner,
                        owner ? catalogue.everything() : catalogue.known(PermissionCatalogue.split(row.permissions())),
                        user.lastLoginAt()));
    }

    /**
     * Up to {@code fetch} memberships of the account after the cursor whose user matches the search, by user id.
     * Each round reads the next chunk of the account's members and, when that is not the rest of them, the next
     * chunk of matching users, and takes the side that reaches further: all matches up to its end are then known,
     * from the users among those members or the members among those users. A small account, a prefix rare among
     * all users or common in the account: one round.
     */
    private List<Row> matching(long accountId, SearchTerm search, long after, int fetch, String filter) {
        List<Row> found = new ArrayList<>();
        long position = after;
        int chunk = firstChunk;
        while (found.size() < fetch) {
            List<Row> members = jdbc.sql(COLUMNS + " WHERE account_id = :account AND user_id > :after" + filter
                    + " ORDER BY user_id LIMIT :chunk")
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
                found.addAll(jdbc.sql(COLUMNS + " WHERE account_id = :account AND user_id = ANY(:ids)" + filter
                        + " ORDER BY user_id LIMIT :fetch")
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

    /** A membership row, before its user is known. */
    record Row(long userId, String permissions, boolean active, long version, Instant createdAt) {
    }

    /** How a page shows a member: from their membership, their user and whether they own the account. */
    interface Shown<T> {
        T of(Row row, UserSummary user, boolean owner);
    }

    /**
     * A page of the account's users for the pages of both areas: {@code size} rows after the cursor {@code after},
     * or before {@code before} (the "Previous" link), by user id as {@link #list(long, SearchTerm, Keyset)} reads
     * them; the owner comes first on the first page instead of in id order. A page back that reaches the start is
     * the first page. {@code activeOnly} leaves out memberships that still wait for a verified email.
     */
    <T> CursorPage<T> window(long accountId, SearchTerm search, String after, String before, int size,
            boolean activeOnly, long total, Shown<T> shown) {
        long owner = accounts.findById(accountId).map(Account::ownerUserId).orElse(0L);
        // Literal numbers only: the owner shows first, never again in id order.
        String filter = (activeOnly ? " AND active = TRUE" : "") + " AND user_id <> " + owner;
        List<Row> rows;
        String previous = null;
        String next = null;
        if (before != null) {
            List<Row> back = backwards(accountId, search, Cursor.decode(LIST, before).id(), size + 1, filter);
            if (back.size() <= size) {
                return window(accountId, search, null, null, size, activeOnly, total, shown);
            }
            rows = new ArrayList<>(back.subList(0, size)).reversed();
            previous = Cursor.of(LIST, rows.getFirst().userId()).encoded();
            next = Cursor.of(LIST, rows.getLast().userId()).encoded();
        } else {
            long from = after == null ? Long.MIN_VALUE : Cursor.decode(LIST, after).id();
            Row ownerRow = after == null ? ownerRow(accountId, owner, search, activeOnly) : null;
            int wanted = ownerRow == null ? size : size - 1;
            List<Row> fetched = search.isBlank() ? jdbc.sql(COLUMNS + " WHERE account_id = :account AND user_id > :after"
                    + filter + " ORDER BY user_id LIMIT :fetch")
                    .param("account", accountId).param("after", from).param("fetch", wanted + 1)
                    .query(MemberListing::row).list()
                    : matching(accountId, search, from, wanted + 1, filter);
            rows = new ArrayList<>(fetched.subList(0, Math.min(wanted, fetched.size())));
            if (fetched.size() > wanted && !rows.isEmpty()) {
                next = Cursor.of(LIST, rows.getLast().userId()).encoded();
            }
            if (after != null && !rows.isEmpty()) {
                previous = Cursor.of(LIST, rows.getFirst().userId()).encoded();
            }
            if (ownerRow != null) {
                rows.addFirst(ownerRow);
            }
        }
        Map<Long, UserSummary> byId = rows.isEmpty() ? Map.of() : users.byIds(rows.stream().map(Row::userId).toList())
                .stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return new CursorPage<>(rows.stream().filter(row -> byId.containsKey(row.userId()))
                .map(row -> shown.of(row, byId.get(row.userId()), row.userId() == owner)).toList(), previous, next,
                total);
    }

    /** The owner's membership when it is listed: active (or waiting ones listed too) and matching the search. */
    private Row ownerRow(long accountId, long owner, SearchTerm search, boolean activeOnly) {
        Row row = jdbc.sql(COLUMNS + " WHERE account_id = :account AND user_id = :owner"
                + (activeOnly ? " AND active = TRUE" : "")).param("account", accountId).param("owner", owner)
                .query(MemberListing::row).optional().orElse(null);
        if (row == null || search.isBlank() || !users.idsStartingWithAmong(List.of(owner), search).isEmpty()) {
            return row;
        }
        return null;
    }

    /**
     * Up to {@code fetch} memberships before the cursor, latest id first, whose user matches the search: the
     * account's members backwards a chunk at a time, each chunk's matches from {@link UserLists#idsStartingWithAmong}.
     * Only the "Previous" link reads so; it costs at most what the pages after it cost to reach.
     */
    private List<Row> backwards(long accountId, SearchTerm search, long before, int fetch, String filter) {
        List<Row> found = new ArrayList<>();
        long position = before;
        int chunk = search.isBlank() ? fetch : firstChunk;
        while (found.size() < fetch) {
            List<Row> members = jdbc.sql(COLUMNS + " WHERE account_id = :account AND user_id < :before" + filter
                    + " ORDER BY user_id DESC LIMIT :chunk")
                    .param("account", accountId).param("before", position).param("chunk", chunk)
                    .query(MemberListing::row).list();
            if (search.isBlank()) {
                return members;
            }
            if (members.isEmpty()) {
                break;
            }
            Set<Long> matches = Set.copyOf(users.idsStartingWithAmong(members.stream().map(Row::userId).toList(),
                    search));
            members.stream().filter(row -> matches.contains(row.userId())).forEach(found::add);
            if (members.size() < chunk) {
                break;
            }
            position = members.getLast().userId();
            chunk = Math.min(chunk * 2, maxChunk);
        }
        return found.size() > fetch ? found.subList(0, fetch) : found;
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
