package app.roster.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotency_keys table. A request claims its key with one INSERT before it runs: the primary key
 * (principal, key) lets one of two simultaneous requests in, on any node, and the other finds the claim. Each
 * method commits on its own, so a claim is visible to other nodes before the request's own work starts.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key, or says what holds it; a row created at or before {@code expiredAt} counts as gone. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claim(String principal, String key, String requestHash, Instant now, Instant expiredAt) {
        // Twice at most: the holder may release its claim (a 5xx) or expire between our insert and our read.
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = UUID.randomUUID().toString();
            if (insert(principal, key, requestHash, token, now)) {
                return new Claim.Taken(token);
            }
            Optional<Row> held = find(principal, key);
            if (held.isEmpty()) {
                continue;
            }
            Row row = held.get();
            if (!row.createdAt().isAfter(expiredAt)) {
                jdbc.sql("DELETE FROM idempotency_keys WHERE principal = ? AND idempotency_key = ? AND claimed_by = ?")
                        .params(principal, key, row.claimedBy()).update();
                continue;
            }
            if (!row.requestHash().equals(requestHash)) {
                return new Claim.OtherRequest();
            }
            return row.answer() == null ? new Claim.Running() : new Claim.Answered(row.answer());
        }
        return new Claim.Running();
    }

    /** Keeps the answer under the claim; a claim that is no longer this request's (it expired) is left alone. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void answer(String principal, String key, String token, StoredAnswer answer) {
        jdbc.sql("""
                UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                WHERE principal = ? AND idempotency_key = ? AND claimed_by = ? AND status IS NULL""")
                .params(answer.status(), answer.contentType(), answer.location(), answer.etag(), answer.body(),
                        principal, key, token)
                .update();
    }

    /** Frees the key: the request failed in a way a retry may fix, so the retry runs again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String principal, String key, String token) {
        jdbc.sql("""
                DELETE FROM idempotency_keys
                WHERE principal = ? AND idempotency_key = ? AND claimed_by = ? AND status IS NULL""")
                .params(principal, key, token).update();
    }

    /** Forgets every key created at or before the instant; returns how many. */
    @Transactional
    public int forgetCreatedBefore(Instant expiredAt) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at <= ?").param(Timestamp.from(expiredAt)).update();
    }

    private boolean insert(String principal, String key, String requestHash, String token, Instant now) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, claimed_by, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(principal, key, requestHash, token, Timestamp.from(now)).update() == 1;
    }

    private Optional<Row> find(String principal, String key) {
        return jdbc.sql("SELECT * FROM idempotency_keys WHERE principal = ? AND idempotency_key = ?")
                .params(principal, key)
                .query((rs, n) -> {
                    Integer status = rs.getObject("status", Integer.class);
                    StoredAnswer answer = status == null ? null : new StoredAnswer(status,
                            rs.getString("content_type"), rs.getString("location"), rs.getString("etag"),
                            rs.getBytes("body"));
                    return new Row(rs.getString("request_hash"), rs.getString("claimed_by"),
                            rs.getTimestamp("created_at").toInstant(), answer);
                })
                .optional();
    }

    private record Row(String requestHash, String claimedBy, Instant createdAt, StoredAnswer answer) {
    }
}
