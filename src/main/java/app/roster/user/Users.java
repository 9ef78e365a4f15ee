package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The users table. Email addresses are stored in their canonical form, so lookups are exact. */
@Repository
public class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query(Users::map).optional();
    }

    public Optional<User> findByEmail(EmailAddress email) {
        return jdbc.sql("SELECT * FROM users WHERE email = ?").param(email.value()).query(Users::map).optional();
    }

    public List<User> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM users WHERE id IN (:ids)").param("ids", ids).query(Users::map).list();
    }

    /**
     * The new user's id, or empty when the address is taken, also by a registration committed at this very
     * moment: the insert waits for that one and then does nothing, instead of failing on the unique key.
     */
    Optional<Long> insert(EmailAddress email, String passwordHash, String firstName, String lastName,
            Language language, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(email.value(), passwordHash, firstName, lastName, language.code(), Timestamp.from(now))
                .update(keys, "id");
        return inserted == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    void updatePasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    void updateName(long id, String firstName, String lastName, Language language) {
        jdbc.sql("UPDATE users SET first_name = ?, last_name = ?, language = ? WHERE id = ?")
                .params(firstName, lastName, language.code(), id).update();
    }

    /** Changing the address clears the verified flag (rule 11). */
    void updateEmail(long id, EmailAddress email) {
        jdbc.sql("UPDATE users SET email = ?, email_verified = FALSE WHERE id = ?").params(email.value(), id).update();
    }

    /** Marks verified only if the address is still the one the link was sent to. */
    boolean markVerified(long id, EmailAddress email) {
        return jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = ? AND email = ?")
                .params(id, email.value()).update() == 1;
    }

    void updateTotpSecret(long id, String secret) {
        jdbc.sql("UPDATE users SET totp_secret = ? WHERE id = ?").params(secret, id).update();
    }

    void recordLogin(long id, Instant at, String ip) {
        jdbc.sql("UPDATE users SET last_login_at = ?, last_login_ip = ?, last_login_host = NULL WHERE id = ?")
                .params(Timestamp.from(at), ip, id).update();
    }

    /** Written later by the reverse-DNS lookup; only if no newer login has replaced the IP meanwhile. */
    void recordLoginHostname(long id, String ip, String hostname) {
        jdbc.sql("UPDATE users SET last_login_host = ? WHERE id = ? AND last_login_ip = ?")
                .params(hostname, id, ip).update();
    }

    public void rememberAccount(long id, long accountId) {
        jdbc.sql("UPDATE users SET last_account_id = ? WHERE id = ?").params(accountId, id).update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        Long lastAccount = rs.getObject("last_account_id", Long.class);
        return new User(rs.getLong("id"), new EmailAddress(rs.getString("email")), rs.getString("password_hash"),
                rs.getString("first_name"), rs.getString("last_name"),
                Language.fromCode(rs.getString("language")).orElse(Language.EN), rs.getBoolean("email_verified"),
                rs.getBoolean("disabled"), rs.getString("totp_secret"),
                lastLogin == null ? User.LastLogin.NEVER
                        : new User.LastLogin(lastLogin.toInstant(), rs.getString("last_login_ip"),
                                rs.getString("last_login_host")),
                lastAccount, rs.getTimestamp("created_at").toInstant());
    }
}
