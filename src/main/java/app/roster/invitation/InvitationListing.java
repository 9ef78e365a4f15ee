package app.roster.invitation;

import app.roster.membership.AccountAccess;
import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.NotFound;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.Optional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations of one account, newest first (by id: a resend changes the sent time, never the id), a keyset
 * page at a time. A status filter is one range of the (account, status, id) index per stored state: EXPIRED is
 * the rows the job marked plus the pending ones past their expiry it has not reached yet, so the filter says the
 * same as {@link Invitation#statusAt}. The inviters' names come in one more query per page.
 */
@Repository
@Transactional(readOnly = true)
public class InvitationListing {

    static final String LIST = "invitations";

    private final JdbcClient jdbc;
    private final Users users;
    private final AccountAccess access;
    private final Clock clock;

    InvitationListing(JdbcClient jdbc, Users users, AccountAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The page as the actor may read it, like Pending Invites: a user or their token with {@code users} in this
     * account, staff and platform API keys in any open account ({@link AccountAccess#requireToReadUsers}).
     */
    public KeysetPage<ListedInvitation> list(Actor actor, long accountId, Set<Invitation.Status> statuses,
            Keyset page) {
        access.requireToReadUsers(actor, accountId);
        return list(accountId, statuses, page);
    }

    /** One invitation of the account, under the same walls; {@link NotFound} for another account's id. */
    public ListedInvitation find(Actor actor, long accountId, long invitationId) {
        access.requireToReadUsers(actor, accountId);
        return read(accountId, invitationId).orElseThrow(NotFound::new);
    }

    /** Roster's own read, behind no wall: for the webhook payload of a change it has just made. */
    public Optional<ListedInvitation> read(long accountId, long invitationId) {
        return jdbc.sql("SELECT * FROM invitations WHERE account_id = ? AND id = ?")
                .params(accountId, invitationId).query(Invitations::map).optional()
                .map(invitation -> new ListedInvitation(invitation, invitation.statusAt(clock.instant()),
                        inviterNames(List.of(invitation)).get(invitation.invitedByUserId())));
    }

    /** A page of the account's invitations in any of the given statuses; none given lists them all. */
    public KeysetPage<ListedInvitation> list(long accountId, Set<Invitation.Status> statuses, Keyset page) {
        long before = page.after(LIST).map(Cursor::id).orElse(Long.MAX_VALUE);
        Instant now = clock.instant();
        List<String> branches = branches(statuses == null ? Set.of() : statuses);
        // The ids first, from the (account, [status,] id) indexes alone; then the rows by primary key. Asked for
        // whole rows at once, PostgreSQL walked the primary key backwards and skipped every newer invitation of
        // other accounts (150,000 rows for an account whose 60,000 invitations are the oldest: 100 ms, not 0.2).
        String ids = branches.stream().map(branch -> "(" + branch + ")").collect(Collectors.joining(" UNION ALL "));
        List<Invitation> found = jdbc.sql("SELECT * FROM invitations WHERE id IN (" + ids + ") ORDER BY id DESC"
                        + " LIMIT :fetch")
                .param("account", accountId).param("before", before)
                .param("now", Timestamp.from(now)).param("fetch", page.fetch())
                .query(Invitations::map).list();
        Map<Long, String> inviters = inviterNames(found);
        List<ListedInvitation> listed = found.stream().map(invitation -> new ListedInvitation(invitation,
                invitation.statusAt(now), inviters.get(invitation.invitedByUserId()))).toList();
        return KeysetPage.of(listed, page, item -> Cursor.of(LIST, item.invitation().id()));
    }

    /** One query per stored state that can hold invitations of the asked statuses, each in index order. */
    private static List<String> branches(Set<Invitation.Status> statuses) {
        String select = "SELECT id FROM invitations WHERE account_id = :account AND id < :before";
        String order = " ORDER BY id DESC LIMIT :fetch";
        if (statuses.isEmpty()) {
            return List.of(select + order);
        }
        List<String> branches = new ArrayList<>();
        if (statuses.contains(Invitation.Status.PENDING)) {
            branches.add(select + " AND status = 'PENDING' AND expires_at > :now" + order);
        }
        if (statuses.contains(Invitation.Status.EXPIRED)) {
            branches.add(select + " AND status = 'PENDING' AND expires_at <= :now" + order);
            branches.add(select + " AND status = 'EXPIRED'" + order);
        }
        if (statuses.contains(Invitation.Status.ACCEPTED)) {
            branches.add(select + " AND status = 'ACCEPTED'" + order);
        }
        if (statuses.contains(Invitation.Status.CANCELLED)) {
            branches.add(select + " AND status = 'CANCELLED'" + order);
        }
        return branches;
    }

    private Map<Long, String> inviterNames(List<Invitation> invitations) {
        List<Long> ids = invitations.stream().map(Invitation::invitedByUserId).filter(Objects::nonNull).distinct()
                .toList();
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::id, User::fullName));
    }
}
