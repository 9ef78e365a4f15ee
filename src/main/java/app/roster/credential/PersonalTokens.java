package app.roster.credential;

import static app.roster.credential.ApiKeys.instant;
import static app.roster.credential.ApiKeys.split;
import static app.roster.credential.ApiKeys.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The personal_tokens table. Every finder of an account's tokens takes the account id. */
@Repository
public class PersonalTokens {

    /** More than anyone needs at once, few enough that a page lists them all. */
    static final int MAX_ACTIVE_PER_USER = 50;

    private final JdbcClient jdbc;

    PersonalTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token with the hash of its secret, for the authenticator only. */
    record Stored(PersonalToken token, String secretHash) {
    }

    /** A user's tokens in every account, newest first: revoked and expired ones too, as history. */
    public List<PersonalToken> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM personal_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 200")
                .param(userId).query(PersonalTokens::map).list();
    }

    /** The tokens of an account's users, newest first. */
    public List<PersonalToken> ofAccount(long accountId) {
        return jdbc.sql("SELECT * FROM personal_tokens WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 500")
                .param(accountId).query(PersonalTokens::map).list();
    }

    public Optional<PersonalToken> find(long id) {
        return jdbc.sql("SELECT * FROM personal_tokens WHERE id = ?").param(id).query(PersonalTokens::map).optional();
    }

    Optional<Stored> findByKeyId(String keyId) {
        return jdbc.sql("SELECT * FROM personal_tokens WHERE key_id = ?").param(keyId)
                .query((rs, row) -> new Stored(map(rs, row), rs.getString("secret_hash"))).optional();
    }

    int countActive(long userId, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM personal_tokens
                WHERE user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
                .params(userId, Timestamp.from(now)).query(Integer.class).single();
    }

    long insert(Credential credential, String name, long userId, long accountId, Set<String> permissions,
            Instant expiresAt, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO personal_tokens (key_id, secret_hash, name, user_id, account_id, permissions, expires_at,
                                             created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(credential.keyId(), credential.hash(), name, userId, accountId, String.join(",", permissions),
                        timestamp(expiresAt), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** True when this call revoked it (not already revoked). */
    boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE personal_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** At most one write a minute per token, whatever the traffic: only when the last recorded use is older. */
    void recordUse(long id, String ip, Instant now, Instant olderThan) {
        jdbc.sql("""
                UPDATE personal_tokens SET last_used_at = ?, last_used_ip = ?
                WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
                .params(Timestamp.from(now), ip, id, Timestamp.from(olderThan)).update();
    }

    private static PersonalToken map(ResultSet rs, int row) throws SQLException {
        return new PersonalToken(rs.getLong("id"), rs.getString("key_id"), rs.getString("name"), rs.getLong("user_id"),
                rs.getLong("account_id"), split(rs.getString("permissions")), instant(rs, "expires_at"),
                instant(rs, "created_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"),
                rs.getString("last_used_ip"));
    }
}
