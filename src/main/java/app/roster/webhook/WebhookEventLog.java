package app.roster.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events and their per-stream numbers. An event and its deliveries are written in the transaction of the
 * change, so a change that rolls back sends nothing and a committed one is sent however long the sender is down.
 */
@Repository
class WebhookEventLog {

    static final String TEST_TYPE = "webhook.test";

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSender sender;

    WebhookEventLog(JdbcClient jdbc, WebhookEndpoints endpoints, JsonMapper json, Clock clock, WebhookSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends an event to its stream and queues it for every enabled endpoint subscribed to its type; writes nothing
     * (and reads no {@code data}, the resource's API representation) when no endpoint, enabled or disabled,
     * subscribes to the type. MANDATORY: an event written outside the change's transaction could announce a change
     * that rolls back.
     *
     * @param accountId the account the event is about, or null (then {@code userId} names the stream)
     * @return the event's id, or empty when nobody takes the type
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> append(String type, Long accountId, long userId, Supplier<Map<String, Object>> data) {
        WebhookEndpoints.Subscribers subscribers = endpoints.subscribedTo(type);
        if (!subscribers.any()) {
            return Optional.empty();
        }
        return Optional.of(append(type, accountId, userId, data.get(), subscribers.enabled()));
    }

    /**
     * Events of an account are numbered per account; events about a user in no account per user, as stream
     * {@code -userId}, so they never wait for one another. Incrementing the stream's row locks it until commit:
     * a second change of the same stream waits, and numbers are committed in their order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID append(String type, Long accountId, long userId, Map<String, Object> data, List<Long> endpointIds) {
        long stream = accountId != null ? accountId : -userId;
        jdbc.sql("INSERT INTO webhook_sequences (stream, last_sequence) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(stream).update();
        jdbc.sql("UPDATE webhook_sequences SET last_sequence = last_sequence + 1 WHERE stream = ?").param(stream)
                .update();
        long sequence = jdbc.sql("SELECT last_sequence FROM webhook_sequences WHERE stream = ?").param(stream)
                .query(Long.class).single();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("occurred_at", now.toString());
        envelope.put("account_id", accountId);
        envelope.put("sequence", sequence);
        envelope.put("data", data);
        jdbc.sql("""
                INSERT INTO webhook_events (id, type, account_id, stream, sequence, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, type, accountId, stream, sequence, Timestamp.from(now), json.writeValueAsString(envelope))
                .update();
        for (long endpointId : endpointIds) {
            jdbc.sql("""
                    INSERT INTO webhook_deliveries (endpoint_id, event_id, stream, sequence, state, attempts,
                                                    next_attempt_at, retry_since, created_at)
                    VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                    .params(endpointId, id, stream, sequence, Timestamp.from(now), Timestamp.from(now),
                            Timestamp.from(now)).update();
        }
        if (!endpointIds.isEmpty()) {
            wakeSenderAfterCommit();
        }
        return id;
    }

    /** Delivery starts at the commit, not at the next poll: milliseconds from change to receiver, not seconds. */
    private void wakeSenderAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
    }
}
