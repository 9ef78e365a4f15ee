package app.roster.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The tests' direct hands on the tables, for the many rows a list needs: no use case, no email, no audit row.
 * Addresses are unique per call, so tests sharing a database never collide.
 */
public final class Rows {

    private final JdbcClient jdbc;

    public Rows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** A user whose address starts with {@code emailPrefix} (lower case) and goes on with something unique. */
    public long user(String emailPrefix, String firstName, String lastName) {
        return insert("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, 'x', ?, ?, 'en', ?)""",
                emailPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", firstName, lastName,
                now());
    }

    public long account(String name, String companyName, long ownerId) {
        long id = insert("INSERT INTO accounts (name, company_name, owner_user_id, created_at) VALUES (?, ?, ?, ?)",
                name, companyName, ownerId, now());
        member(id, ownerId, "");
        return id;
    }

    public void member(long accountId, long userId, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, userId, permissions, now()).update();
    }

    public long contact(long accountId, String firstName) {
        return insert("""
                INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, created_at)
                VALUES (?, ?, 'Contact', ?, 'general', ?)""",
                accountId, firstName, UUID.randomUUID() + "@example.net", now());
    }

    public long invitation(long accountId, String status, Instant expiresAt, Long invitedByUserId) {
        return insert("""
                INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id, token_hash,
                                         status, sent_at, expires_at, created_at)
                VALUES (?, ?, 'invoices', 'en', ?, ?, ?, ?, ?, ?)""",
                accountId, UUID.randomUUID() + "@example.org", invitedByUserId,
                (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""), status, now(),
                Timestamp.from(expiresAt), now());
    }

    public long audit(Instant at, String action, String actorType, Long actorId, Long accountId, Long userId) {
        return insert("""
                INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, account_id, user_id)
                VALUES (?, ?, ?, ?, 'test', ?, ?)""",
                Timestamp.from(at), action, actorType, actorId, accountId, userId);
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
