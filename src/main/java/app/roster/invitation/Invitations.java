package app.roster.invitation;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The invitations table. Every finder takes the account id; state changes are single conditional UPDATEs,
 * so of two racing actions (accept and cancel, or twenty accepts) exactly one wins.
 */
@Repository
public class Invitations {

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, EmailAddress email, Set<String> permissions, Language language, Long byUser,
            Long byStaff, String tokenHash, Instant now, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id,
                                         invited_by_staff_id, token_hash, status, sent_at, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(accountId, email.value(), String.join(",", permissions), language.code(), byUser, byStaff,
                        tokenHash, Timestamp.from(now), Timestamp.from(expiresAt), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Invitation> find(long accountId, long id) {
        return jdbc.sql("SELECT * FROM invitations WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(Invitations::map).optional();
    }

    Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM invitations WHERE token_hash = ?").param(tokenHash)
                .query(Invitations::map).optional();
    }

    /** The open (pending, not yet expired) invitation to this address, if any (rule 7). */
    Optional<Invitation> openFor(long accountId, EmailAddress email, Instant now) {
        return jdbc.sql("""
                SELECT * FROM invitations WHERE account_id = ? AND email = ? AND status = 'PENDING' AND expires_at > ?
                ORDER BY id DESC LIMIT 1""")
                .params(accountId, email.value(), Timestamp.from(now)).query(Invitations::map).optional();
    }

    /** Pending and expired invitations (what "Pending Invites" lists), newest first. */
    public List<Invitation> pendingOrExpired(long accountId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM invitations WHERE account_id = ? AND status IN ('PENDING', 'EXPIRED')
                ORDER BY sent_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(accountId, limit, offset).query(Invitations::map).list();
    }

    public int countPendingOrExpired(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ? AND status IN ('PENDING', 'EXPIRED')")
                .param(accountId).query(Integer.class).single();
    }

    /** The open invitations one user sent in one account (to cancel when they lose the authority). */
    List<Invitation> openBy(long accountId, long inviterUserId) {
        return jdbc.sql("SELECT * FROM invitations WHERE account_id = ? AND invited_by_user_id = ? AND status = 'PENDING'")
                .params(accountId, inviterUserId).query(Invitations::map).list();
    }

    /** Pending invitations past their expiry, for the job that marks them. */
    List<Invitation> overdue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM invitations WHERE status = 'PENDING' AND expires_at <= ? ORDER BY id LIMIT ?")
                .params(Timestamp.from(now), limit).query(Invitations::map).list();
    }

    /** The invitation whose link this was before a resend replaced it. */
    Optional<Invitation> findByReplacedTokenHash(String tokenHash) {
        return jdbc.sql("""
                SELECT i.* FROM invitation_replaced_links r JOIN invitations i ON i.id = r.invitation_id
                WHERE r.token_hash = ?""").param(tokenHash).query(Invitations::map).optional();
    }

    /** A new link and a new validity; the old link stops working at once (and is remembered as replaced). */
    boolean renew(long accountId, long id, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO invitation_replaced_links (token_hash, invitation_id)
                SELECT token_hash, id FROM invitations WHERE account_id = ? AND id = ? AND status IN ('PENDING', 'EXPIRED')""")
                .params(accountId, id).update();
        return jdbc.sql("""
                UPDATE invitations SET token_hash = ?, status = 'PENDING', sent_at = ?, expires_at = ?, ended_at = NULL
                WHERE account_id = ? AND id = ? AND status IN ('PENDING', 'EXPIRED')""")
                .params(tokenHash, Timestamp.from(now), Timestamp.from(expiresAt), accountId, id).update() == 1;
    }

    /** Only while open, and only at the version the edit form showed: false, changing nothing, otherwise. */
    boolean updatePermissions(long accountId, long id, Set<String> permissions, long expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE invitations SET permissions = ?, version = version + 1
                WHERE account_id = ? AND id = ? AND status = 'PENDING' AND expires_at > ? AND version = ?""")
                .params(String.join(",", permissions), accountId, id, Timestamp.from(now), expectedVersion)
                .update() == 1;
    }

    /** Ends a pending invitation (cancelled or expired); false when it was no longer pending. */
    boolean end(long accountId, long id, Invitation.Status status, Instant now) {
        return jdbc.sql("UPDATE invitations SET status = ?, ended_at = ? WHERE account_id = ? AND id = ? AND status = 'PENDING'")
                .params(status.name(), Timestamp.from(now), accountId, id).update() == 1;
    }

    /** The one winning acceptance: still pending, not expired, and the link still current. */
    boolean accept(long id, String tokenHash, long userId, Instant now) {
        return jdbc.sql("""
                UPDATE invitations SET status = 'ACCEPTED', accepted_by_user_id = ?, accepted_at = ?, ended_at = ?
                WHERE id = ? AND token_hash = ? AND status = 'PENDING' AND expires_at > ?""")
                .params(userId, Timestamp.from(now), Timestamp.from(now), id, tokenHash, Timestamp.from(now))
                .update() == 1;
    }

    static Invitation map(ResultSet rs, int row) throws SQLException {
        Timestamp acceptedAt = rs.getTimestamp("accepted_at");
        String permissions = rs.getString("permissions");
        return new Invitation(rs.getLong("id"), rs.getLong("account_id"), new EmailAddress(rs.getString("email")),
                permissions.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(permissions.split(","))),
                Language.fromCode(rs.getString("language")).orElse(Language.EN),
                rs.getObject("invited_by_user_id", Long.class), rs.getObject("invited_by_staff_id", Long.class),
                Invitation.Status.valueOf(rs.getString("status")), rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getObject("accepted_by_user_id", Long.class),
                acceptedAt == null ? null : acceptedAt.toInstant(), rs.getLong("version"));
    }
}
