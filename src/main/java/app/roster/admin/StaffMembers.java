package app.roster.admin;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The staff table. Addresses are stored canonical, so lookups are exact. */
@Repository
public class StaffMembers {

    private final JdbcClient jdbc;

    StaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single() == 0;
    }

    /** The oldest staff member, if nobody on the staff can log in yet. */
    Optional<Long> firstWithoutAnyPassword() {
        return jdbc.sql("""
                SELECT id FROM staff WHERE NOT EXISTS (SELECT 1 FROM staff WHERE password_hash IS NOT NULL)
                ORDER BY id LIMIT 1""").query(Long.class).optional();
    }

    /** The address must be canonical ({@link EmailAddress}), or the built-in {@code admin@localhost}. */
    long insert(String email, String name, StaffRole role, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO staff (email, name, role, created_at) VALUES (?, ?, ?, ?)")
                .params(email, name, role.name(), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<String> emailOf(long id) {
        return jdbc.sql("SELECT email FROM staff WHERE id = ?").param(id).query(String.class).optional();
    }

    public Optional<String> nameOf(long id) {
        return jdbc.sql("SELECT name FROM staff WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * The login for a typed address. Unknown, malformed, disabled and not-yet-set-up all look the same, so
     * the login answers alike (Spring Security then hashes a dummy password: same time too).
     */
    public Optional<SignedInStaff> findLogin(String typedEmail) {
        if (typedEmail == null || typedEmail.length() > EmailAddress.MAX_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, email, role, password_hash FROM staff
                WHERE email = ? AND disabled = FALSE AND password_hash IS NOT NULL""")
                .param(lookupKey(typedEmail))
                .query((rs, row) -> new SignedInStaff(rs.getLong("id"), rs.getString("email"),
                        StaffRole.valueOf(rs.getString("role")), rs.getString("password_hash")))
                .optional();
    }

    /**
     * The canonical form; for what {@link EmailAddress} refuses, such as the built-in {@code admin@localhost}
     * (no dot in the domain), the trimmed lower-case text: it can only ever match that one row.
     */
    private static String lookupKey(String typedEmail) {
        try {
            return EmailAddress.of(typedEmail).value();
        } catch (InvalidEmailAddressException e) {
            return typedEmail.strip().toLowerCase(Locale.ROOT);
        }
    }

    void updatePasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE staff SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    void recordLogin(long id, Instant at) {
        jdbc.sql("UPDATE staff SET last_login_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }
}
