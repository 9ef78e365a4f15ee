package app.roster.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries table: the sender's queue, claimed like the mail outbox ({@code Outbox}): a conditional update
 * gives each due delivery to one node, and a node that dies only delays it until its claim expires.
 */
@Repository
public class WebhookDeliveries {

    private static final String SELECT = """
            SELECT d.*, ev.type, ev.payload FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id""";

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Due deliveries that are first in line: no earlier delivery of the same endpoint and stream is still
     * pending. So a failing event holds back the later events of its account at its endpoint, and nothing else.
     * Only enabled endpoints: a disabled one keeps its queue, in order, for when it is enabled again.
     */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.state = 'PENDING' AND e.enabled = TRUE AND d.next_attempt_at <= :now
                  AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                  WHERE p.endpoint_id = d.endpoint_id AND p.stream = d.stream
                                    AND p.state = 'PENDING' AND p.sequence < d.sequence)
                ORDER BY d.state, d.id LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /**
     * The check that it is still due makes a node that listed it before another node's failed attempt leave it
     * to its back-off. Nothing later in its stream can be due meanwhile: that waits for this one to be DELIVERED.
     */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET claimed_until = ?, claimed_by = ?
                WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?
                  AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(Timestamp.from(until), node, id, Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /** Recorded even when the claim lapsed meanwhile: the receiver has it, sending it again helps nobody. */
    void markDelivered(long id, Instant now, int status, long millis) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET state = 'DELIVERED', delivered_at = ?, last_attempt_at = ?,
                       attempts = attempts + 1, last_status = ?, last_latency_ms = ?, last_error = NULL,
                       claimed_until = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'PENDING'""")
                .params(Timestamp.from(now), Timestamp.from(now), status, (int) millis, id).update();
    }

    /** False when this node no longer holds the claim: the other node's attempt is the one that counts. */
    boolean markRetry(long id, String node, Attempt attempt, Instant nextAttemptAt) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET attempts = ?, last_attempt_at = ?, last_status = ?, last_latency_ms = ?,
                       last_error = ?, next_attempt_at = ?, claimed_until = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'PENDING' AND claimed_by = ?""")
                .params(attempt.attempts(), Timestamp.from(attempt.at()), attempt.status(), attempt.millis(),
                        attempt.error(), Timestamp.from(nextAttemptAt), id, node)
                .update() == 1;
    }

    boolean markFailed(long id, String node, Attempt attempt) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET state = 'FAILED', attempts = ?, last_attempt_at = ?, last_status = ?,
                       last_latency_ms = ?, last_error = ?, claimed_until = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'PENDING' AND claimed_by = ?""")
                .params(attempt.attempts(), Timestamp.from(attempt.at()), attempt.status(), attempt.millis(),
                        attempt.error(), id, node)
                .update() == 1;
    }

    /**
     * Queues a delivered or given-up delivery again, due now and retried for a whole period from now. It goes
     * first in its stream's line again: later pending events of the account wait for it, as for any earlier one.
     * False when it is pending already, not one of the endpoint's, or its event occurred before {@code oldest}.
     */
    boolean redeliver(long id, long endpointId, Instant now, Instant oldest) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET state = 'PENDING', next_attempt_at = ?, retry_since = ?,
                       claimed_until = NULL, claimed_by = NULL
                WHERE id = ? AND endpoint_id = ? AND state <> 'PENDING'
                  AND event_id IN (SELECT ev.id FROM webhook_events ev WHERE ev.occurred_at >= ?)""")
                .params(Timestamp.from(now), Timestamp.from(now), id, endpointId, Timestamp.from(oldest))
                .update() == 1;
    }

    /** An event an endpoint may be sent again: its delivery to the endpoint, or null when it was never queued. */
    record Redeliverable(UUID eventId, long stream, long sequence, Long deliveryId) {
    }

    /**
     * The endpoint's events since {@code from}, of the types it subscribes to, that are not pending for it: oldest
     * first (by the time index), each stream in sequence order.
     */
    List<Redeliverable> redeliverable(WebhookEndpoint endpoint, Instant from, int limit) {
        return jdbc.sql("""
                SELECT ev.id, ev.stream, ev.sequence, d.id AS delivery_id FROM webhook_events ev
                LEFT JOIN webhook_deliveries d ON d.event_id = ev.id AND d.endpoint_id = :endpoint
                WHERE ev.occurred_at >= :from AND ev.type IN (:types) AND (d.id IS NULL OR d.state <> 'PENDING')
                ORDER BY ev.occurred_at, ev.stream, ev.sequence LIMIT :limit""")
                .param("endpoint", endpoint.id()).param("from", Timestamp.from(from))
                .param("types", List.copyOf(endpoint.eventTypes())).param("limit", limit)
                .query((rs, row) -> new Redeliverable(rs.getObject("id", UUID.class), rs.getLong("stream"),
                        rs.getLong("sequence"), rs.getObject("delivery_id", Long.class)))
                .list();
    }

    /**
     * Queues each again, due now, in the order given: a logged delivery as {@link #redeliver} does, a missing one
     * as a new row. One that became pending meanwhile, or was queued by a concurrent request, is not counted.
     */
    int requeue(long endpointId, List<Redeliverable> events, Instant now) {
        int queued = 0;
        for (Redeliverable event : events) {
            if (event.deliveryId() != null) {
                queued += redeliver(event.deliveryId(), endpointId, now, Instant.EPOCH) ? 1 : 0;
            } else {
                queued += jdbc.sql("""
                        INSERT INTO webhook_deliveries (endpoint_id, event_id, stream, sequence, state, attempts,
                                                        next_attempt_at, retry_since, created_at)
                        VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(endpointId, event.eventId(), event.stream(), event.sequence(), Timestamp.from(now),
                                Timestamp.from(now), Timestamp.from(now)).update();
            }
        }
        return queued;
    }

    /** A failed attempt: its number, when, the status if one came back, how long it took, and why. */
    record Attempt(int attempts, Instant at, Integer status, Integer millis, String error) {
    }

    public Optional<WebhookDelivery> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(WebhookDeliveries::map).optional();
    }

    /** The delivery log of one endpoint, newest first. */
    public List<WebhookDelivery> ofEndpoint(long endpointId, int limit) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = ? ORDER BY d.id DESC LIMIT ?").params(endpointId, limit)
                .query(WebhookDeliveries::map).list();
    }

    /** Up to {@code limit} deliveries older than {@code beforeId}, newest first (the log's next page). */
    List<WebhookDelivery> olderThan(long endpointId, long beforeId, int limit) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = ? AND d.id < ? ORDER BY d.id DESC LIMIT ?")
                .params(endpointId, beforeId, limit).query(WebhookDeliveries::map).list();
    }

    /** Up to {@code limit} deliveries newer than {@code afterId}, oldest first (the log's previous page, reversed). */
    List<WebhookDelivery> newerThan(long endpointId, long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = ? AND d.id > ? ORDER BY d.id LIMIT ?")
                .params(endpointId, afterId, limit).query(WebhookDeliveries::map).list();
    }

    private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getObject("event_id", UUID.class),
                rs.getString("type"), rs.getLong("sequence"), WebhookDelivery.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "retry_since"),
                instant(rs, "last_attempt_at"),
                rs.getObject("last_status", Integer.class), rs.getObject("last_latency_ms", Integer.class),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"),
                rs.getString("payload"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
