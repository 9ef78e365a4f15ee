package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.user.SecretEncryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The endpoints table. Secrets go in and out encrypted here, and leave it only as {@link WebhookSecret}s. */
@Repository
public class WebhookEndpoints {

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;

    WebhookEndpoints(JdbcClient jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    long insert(String url, String description, Set<String> eventTypes, WebhookSecret secret, Actor createdBy,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_endpoints (url, description, event_types, enabled, secret, created_by_type,
                                               created_by_id, created_by_label, created_at)
                VALUES (?, ?, ?, TRUE, ?, ?, ?, ?, ?)""")
                .params(url, description, String.join(",", eventTypes), encryption.encrypt(secret.text()),
                        createdBy.type().name(), createdBy.actorId(), createdBy.actorLabel(), Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE id = ?").param(id).query(WebhookEndpoints::map)
                .optional();
    }

    public List<WebhookEndpoint> all() {
        return jdbc.sql("SELECT * FROM webhook_endpoints ORDER BY id").query(WebhookEndpoints::map).list();
    }

    List<WebhookEndpoint> page(int offset, int limit) {
        return jdbc.sql("SELECT * FROM webhook_endpoints ORDER BY id LIMIT ? OFFSET ?").params(limit, offset)
                .query(WebhookEndpoints::map).list();
    }

    /**
     * The endpoints that take events of this type: read in the change's transaction, for each event, so every node
     * sees an endpoint registered, changed or disabled elsewhere at once (the table holds a handful of rows).
     */
    Subscribers subscribedTo(String type) {
        List<Long> enabled = new ArrayList<>();
        boolean[] any = {false};
        jdbc.sql("SELECT id, enabled, event_types FROM webhook_endpoints ORDER BY id").query((RowCallbackHandler) rs -> {
            if (types(rs.getString("event_types")).contains(type)) {
                any[0] = true;
                if (rs.getBoolean("enabled")) {
                    enabled.add(rs.getLong("id"));
                }
            }
        });
        return new Subscribers(List.copyOf(enabled), any[0]);
    }

    /**
     * Who takes an event type: the enabled endpoints to queue it for, and whether any endpoint, enabled or not,
     * subscribes to it. With none, the event is not written at all: no "Redeliver since" can ever ask for it.
     */
    record Subscribers(List<Long> enabled, boolean any) {
    }

    /** The secrets that sign now: the current one, and the previous one until its grace period ends. */
    List<WebhookSecret> signingSecrets(long id, Instant now) {
        return jdbc.sql("SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoints WHERE id = ?")
                .param(id).query((rs, row) -> {
                    List<WebhookSecret> secrets = new ArrayList<>();
                    secrets.add(new WebhookSecret(encryption.decrypt(rs.getString("secret"))));
                    Timestamp until = rs.getTimestamp("previous_secret_until");
                    if (rs.getString("previous_secret") != null && until != null && until.toInstant().isAfter(now)) {
                        secrets.add(new WebhookSecret(encryption.decrypt(rs.getString("previous_secret"))));
                    }
                    return secrets;
                }).optional().orElse(List.of());
    }

    /** The current secret becomes the previous one, valid until {@code graceEnd}. */
    boolean rotate(long id, WebhookSecret next, Instant graceEnd) {
        return jdbc.sql("""
                UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = ?, secret = ?
                WHERE id = ?""")
                .params(Timestamp.from(graceEnd), encryption.encrypt(next.text()), id).update() == 1;
    }

    /** False when it was disabled already. */
    boolean disable(long id, String reason) {
        return jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = ? WHERE id = ? AND enabled = TRUE")
                .params(reason, id).update() == 1;
    }

    /** False when it was enabled already. */
    boolean enable(long id) {
        return jdbc.sql("UPDATE webhook_endpoints SET enabled = TRUE, disabled_reason = NULL WHERE id = ? AND enabled = FALSE")
                .param(id).update() == 1;
    }

    private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("previous_secret_until");
        return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
                types(rs.getString("event_types")), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                until == null ? null : until.toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    private static Set<String> types(String text) {
        return new LinkedHashSet<>(Arrays.asList(text.split(",")));
    }
}
