package app.roster.credential;

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

/** The api_keys table. */
@Repository
public class ApiKeys {

    private static final String SELECT = "SELECT * FROM api_keys k";

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key with the hash of its secret, for the authenticator only. */
    record Stored(ApiKey key, String secretHash) {
    }

    /** Every key, newest first (there are few: one per platform system). */
    public List<ApiKey> all() {
        return jdbc.sql(SELECT + " ORDER BY k.created_at DESC, k.id DESC").query(ApiKeys::map).list();
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query(ApiKeys::map).optional();
    }

    Optional<Stored> findByKeyId(String keyId) {
        return jdbc.sql(SELECT + " WHERE k.key_id = ?").param(keyId)
                .query((rs, row) -> new Stored(map(rs, row), rs.getString("secret_hash"))).optional();
    }

    long insert(Credential credential, String name, Set<String> scopes, SourceAddresses sources, Instant expiresAt,
            long staffId, String staffName, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_keys (key_id, secret_hash, name, scopes, allowed_sources, expires_at,
                                      created_by_staff_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(credential.keyId(), credential.hash(), name, String.join(",", scopes),
                        sources.any() ? null : String.join(",", sources.entries()), timestamp(expiresAt), staffId,
                        staffName, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** True when this call revoked it (not already revoked). */
    boolean revoke(long id, long staffId, Instant now) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ?, revoked_by_staff_id = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), staffId, id).update() == 1;
    }

    /** At most one write a minute per key, whatever the traffic: only when the last recorded use is older. */
    void recordUse(long id, String ip, Instant now, Instant olderThan) {
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = ?, last_used_ip = ?
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
                .params(Timestamp.from(now), ip, id, Timestamp.from(olderThan)).update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        String sources = rs.getString("allowed_sources");
        return new ApiKey(rs.getLong("id"), rs.getString("key_id"), rs.getString("name"),
                split(rs.getString("scopes")),
                sources == null ? SourceAddresses.ANY : new SourceAddresses(List.copyOf(split(sources))),
                instant(rs, "expires_at"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"), rs.getString("last_used_ip"));
    }

    static Set<String> split(String stored) {
        Set<String> values = new LinkedHashSet<>();
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::strip).filter(value -> !value.isEmpty()).forEach(values::add);
        }
        return values;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
