package app.roster.admin;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The tests' direct hands on the tables the Admin Area reads, for rows other modules would create. */
final class Database {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Database(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** An Administrator. */
    long staff(String email, String password) {
        return staff(email, password, "ADMINISTRATOR");
    }

    /** A Support staff member: reads everything, may only send emails again. */
    long support(String email, String password) {
        return staff(email, password, "SUPPORT");
    }

    private long staff(String email, String password, String role) {
        return insert("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
                email, "Staff " + email, password == null ? null : encoder.encode(password), role, now());
    }

    long user(String email, String password, String firstName, String lastName) {
        return insert("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, ?, ?, ?, 'en', ?)""",
                email, password == null ? "x" : encoder.encode(password), firstName, lastName, now());
    }

    long account(String name, long ownerId) {
        return insert("INSERT INTO accounts (name, owner_user_id, created_at) VALUES (?, ?, ?)", name, ownerId, now());
    }

    void membership(long accountId, long userId) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, '', ?)")
                .params(accountId, userId, now()).update();
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
