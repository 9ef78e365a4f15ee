package app.roster.mail;

import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox table. A message is queued in the transaction of the change that causes it, so both commit
 * or neither does; delivery happens later, outside any request, with at most one node holding a claim.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** MANDATORY: queuing outside the change's transaction could send mail for a change that rolls back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, html_body, headers, state, attempts,
                                    next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(mail.recipient(), mail.subject(), mail.textBody(), mail.htmlBody(),
                        MailHeaders.format(mail.headers()), now, now)
                .update();
    }

    /**
     * Ids of queued messages that are due and not claimed by a live node, oldest first: after an outage the
     * mail that waited longest goes first. "state, id" rather than "id" alone lets H2 too read outbox_state_ix
     * in order and stop at the limit (50 rows read, where it sorted the whole queue); PostgreSQL does either way.
     */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM outbox
                WHERE state = 'QUEUED' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                ORDER BY state, id LIMIT ?""")
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query(Long.class).list();
    }

    /**
     * Claims one message for a node until the given time. The conditional update is atomic on every database,
     * so of two nodes racing for a row exactly one sees an update count of 1. It checks again that the message
     * is due: a node that listed it before another node's failed attempt must leave it to its back-off. A node
     * that dies while holding a claim only delays the message until the claim expires.
     */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE outbox SET claimed_until = ?, claimed_by = ?
                WHERE id = ? AND state = 'QUEUED' AND next_attempt_at <= ?
                  AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(Timestamp.from(until), node, id, Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Records a delivery even when the node's claim lapsed meanwhile: the mail did go out, and leaving it
     * QUEUED would only send it once more.
     */
    void markSent(long id, Instant now) {
        jdbc.sql("""
                UPDATE outbox SET state = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
                                  claimed_by = NULL, last_error = NULL
                WHERE id = ? AND state = 'QUEUED'""")
                .params(Timestamp.from(now), id).update();
    }

    /**
     * Whether a queued message waits its back-off only because it found the server down ({@code last_error}).
     * Only messages created by this node's now: a node never moves what its clock says does not exist yet (the
     * tests' future-dated rows, which their own clocks drive).
     */
    boolean waitingOnServer(Instant now, String errorPrefix) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM outbox WHERE state = 'QUEUED' AND next_attempt_at > ?
                                      AND last_error LIKE ? AND created_at <= ? LIMIT 1) waiting""")
                .params(Timestamp.from(now), errorPrefix + "%", Timestamp.from(now)).query(Long.class).single() > 0;
    }

    /** Makes those messages due now: the server answers again. */
    int dueAgain(Instant now, String errorPrefix) {
        return jdbc.sql("""
                UPDATE outbox SET next_attempt_at = ?
                WHERE state = 'QUEUED' AND next_attempt_at > ? AND last_error LIKE ? AND created_at <= ?""")
                .params(Timestamp.from(now), Timestamp.from(now), errorPrefix + "%", Timestamp.from(now)).update();
    }

    /** False when the node no longer holds the claim: the other node's attempt is the one that counts. */
    boolean markRetry(long id, String node, int attempts, String error, Instant nextAttemptAt) {
        return jdbc.sql("""
                UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL,
                                  claimed_by = NULL
                WHERE id = ? AND state = 'QUEUED' AND claimed_by = ?""")
                .params(attempts, error, Timestamp.from(nextAttemptAt), id, node).update() == 1;
    }

    boolean markFailed(long id, String node, int attempts, String error) {
        return jdbc.sql("""
                UPDATE outbox SET state = 'FAILED', attempts = ?, last_error = ?, claimed_until = NULL,
                                  claimed_by = NULL
                WHERE id = ? AND state = 'QUEUED' AND claimed_by = ?""")
                .params(attempts, error, id, node).update() == 1;
    }

    /**
     * Removes the bodies and extra headers (a List-Unsubscribe link is a bearer link too) of messages that no
     * longer need them: delivered ones, and ones given up on.
     */
    int redactBefore(Instant cutoff, Instant now) {
        return jdbc.sql("""
                UPDATE outbox SET text_body = NULL, html_body = NULL, headers = NULL, redacted_at = ?
                WHERE redacted_at IS NULL
                  AND ((state = 'SENT' AND sent_at < ?) OR (state = 'FAILED' AND created_at < ?))""")
                .params(Timestamp.from(now), Timestamp.from(cutoff), Timestamp.from(cutoff)).update();
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM outbox WHERE id = ?").param(id).query(Outbox::map).optional();
    }

    /** A page of every message, newest first. */
    public List<OutboxMessage> newestFirst(int limit, int offset) {
        return jdbc.sql("SELECT * FROM outbox ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(Outbox::map).list();
    }

    /** One page of messages, newest first, optionally of one state and to recipients starting with a prefix. */
    public List<OutboxMessage> search(OutboxMessage.State state, String recipientPrefix, int limit, long offset) {
        return filtered("SELECT * FROM outbox", state, recipientPrefix, " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Outbox::map).list();
    }

    /** How many messages {@link #search} finds in all. */
    public long count(OutboxMessage.State state, String recipientPrefix) {
        return filtered("SELECT COUNT(*) FROM outbox", state, recipientPrefix, "").query(Long.class).single();
    }

    /**
     * Puts a FAILED message back in the queue, due now; its attempts stay as they were. False when the
     * message is not FAILED (already retried, or never failed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retry(long id) {
        return jdbc.sql("""
                UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, claimed_until = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'FAILED'""")
                .params(Timestamp.from(clock.instant()), id).update() == 1;
    }

    /** Messages waiting, messages given up on, and the last delivery. */
    public OutboxStatus status() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'QUEUED') AS queued,
                       (SELECT COUNT(*) FROM outbox WHERE state = 'FAILED') AS failed,
                       (SELECT MAX(sent_at) FROM outbox) AS last_sent""")
                .query((rs, row) -> new OutboxStatus(rs.getLong("queued"), rs.getLong("failed"),
                        instant(rs, "last_sent")))
                .single();
    }

    /** When the oldest message still waiting was queued; empty when none waits. */
    public Optional<Instant> oldestQueuedAt() {
        return jdbc.sql("SELECT created_at FROM outbox WHERE state = 'QUEUED' ORDER BY state, id LIMIT 1")
                .query((rs, row) -> instant(rs, "created_at")).optional();
    }

    private JdbcClient.StatementSpec filtered(String select, OutboxMessage.State state, String recipientPrefix,
            String tail) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            conditions.add("state = :state");
            params.put("state", state.name());
        }
        SearchTerm recipient = SearchTerm.of(recipientPrefix);
        if (!recipient.isBlank()) {
            conditions.add("recipient LIKE :recipient ESCAPE '\\'");
            params.put("recipient", recipient.prefixPattern());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(select + where + tail).params(params);
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"),
                OutboxMessage.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "redacted_at"), MailHeaders.parse(rs.getString("headers")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
