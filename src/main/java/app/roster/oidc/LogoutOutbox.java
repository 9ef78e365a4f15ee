package app.roster.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-channel logouts waiting to be posted: queued in the transaction that ends the sessions, claimed and marked
 * the way the mail outbox is ({@code mail.Outbox}): a conditional update claims a row for one node, and only the
 * node holding the claim records a failed attempt.
 */
@Repository
class LogoutOutbox {

    /** One logout to post: to whom ({@code clientId} is the token's audience), about whom, and how it went. */
    record PendingLogout(long id, String clientId, String logoutUri, String subject, String sid, String jti,
            int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LogoutOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** MANDATORY: a logout queued outside the change's transaction could announce an end that rolls back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(String clientId, String logoutUri, String subject, String sid) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO oidc_logout_outbox (client_id, logout_uri, subject, sid, jti, state, attempts,
                                                next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(clientId, logoutUri, subject, sid, UUID.randomUUID().toString(), now, now).update();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM oidc_logout_outbox
                WHERE state = 'QUEUED' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY state, id LIMIT ?""")
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(Long.class).list();
    }

    /** Atomic on every database: of two nodes racing for a row, exactly one updates it. */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE oidc_logout_outbox SET claimed_until = ?, claimed_by = ?
                WHERE id = ? AND state = 'QUEUED' AND next_attempt_at <= ?
                  AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(Timestamp.from(until), node, id, Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    Optional<PendingLogout> find(long id) {
        return jdbc.sql("SELECT * FROM oidc_logout_outbox WHERE id = ?").param(id).query(LogoutOutbox::map).optional();
    }

    /** Recorded even when the claim lapsed meanwhile: the client did receive it. */
    void markDelivered(long id, Instant now) {
        jdbc.sql("""
                UPDATE oidc_logout_outbox SET state = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,
                                              claimed_until = NULL, claimed_by = NULL, last_error = NULL
                WHERE id = ? AND state = 'QUEUED'""").params(Timestamp.from(now), id).update();
    }

    /** False when this node no longer holds the claim: the other node's attempt counts. */
    boolean markRetry(long id, String node, int attempts, String error, Instant next) {
        return jdbc.sql("""
                UPDATE oidc_logout_outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL,
                                              claimed_by = NULL
                WHERE id = ? AND state = 'QUEUED' AND claimed_by = ?""")
                .params(attempts, error, Timestamp.from(next), id, node).update() == 1;
    }

    boolean markFailed(long id, String node, int attempts, String error) {
        return jdbc.sql("""
                UPDATE oidc_logout_outbox SET state = 'FAILED', attempts = ?, last_error = ?, claimed_until = NULL,
                                              claimed_by = NULL
                WHERE id = ? AND state = 'QUEUED' AND claimed_by = ?""")
                .params(attempts, error, id, node).update() == 1;
    }

    /** Delivered logouts are kept a while for diagnosis, then forgotten. */
    int forgetDeliveredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM oidc_logout_outbox WHERE state = 'DELIVERED' AND delivered_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }

    private static PendingLogout map(ResultSet rs, int row) throws SQLException {
        return new PendingLogout(rs.getLong("id"), rs.getString("client_id"), rs.getString("logout_uri"),
                rs.getString("subject"), rs.getString("sid"), rs.getString("jti"), rs.getInt("attempts"));
    }
}
