package app.roster.staff;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The staff table. Addresses are stored canonical, so lookups are exact. */
@Repository
public class StaffMembers {

    public static final int PAGE_SIZE = 25;

    private static final String SELECT_MEMBER = """
            SELECT id, email, name, role, disabled, password_hash IS NOT NULL AS password_set,
                   totp_secret IS NOT NULL AS two_factor, last_login_at FROM staff""";

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

    /** Locks the row until the transaction ends, so that nodes acting on one staff member take turns. */
    boolean lockForUpdate(long id) {
        return jdbc.sql("SELECT id FROM staff WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .isPresent();
    }

    Optional<String> emailOf(long id) {
        return jdbc.sql("SELECT email FROM staff WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Where news for the Administrators goes (an endpoint disabled for failing, say): the enabled ones. */
    public List<String> administratorEmails() {
        return jdbc.sql("SELECT email FROM staff WHERE role = 'ADMINISTRATOR' AND disabled = FALSE ORDER BY id")
                .query(String.class).list();
    }

    public Optional<String> nameOf(long id) {
        return jdbc.sql("SELECT name FROM staff WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * The signed-in staff member as the use cases take them: the name people affected read (the address when no
     * name was set), and the address the audit trail names them by.
     */
    public Actor.Staff actorOf(SignedInStaff signedIn) {
        Actor.Staff.Role role = signedIn.role() == StaffRole.ADMINISTRATOR ? Actor.Staff.Role.ADMINISTRATOR
                : Actor.Staff.Role.SUPPORT;
        String name = nameOf(signedIn.id()).filter(n -> !n.isBlank()).orElse(signedIn.email());
        return new Actor.Staff(signedIn.id(), role, name, signedIn.email());
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

    /** One page of the staff, by name: a handful of rows in practice, paginated all the same. */
    public Page<StaffMember> list(int page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single();
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        return wanted.of(jdbc.sql(SELECT_MEMBER + " ORDER BY name, id LIMIT ? OFFSET ?")
                .params(PAGE_SIZE, wanted.offset()).query(StaffMembers::member).list(), total);
    }

    public Optional<StaffMember> findById(long id) {
        return jdbc.sql(SELECT_MEMBER + " WHERE id = ?").param(id).query(StaffMembers::member).optional();
    }

    /** The signed-in staff member as they stand now: empty once disabled or deleted. One primary-key read. */
    public Optional<StaffStanding> standing(long id) {
        return jdbc.sql("SELECT id, email, role, totp_secret IS NOT NULL AS enrolled FROM staff WHERE id = ? "
                        + "AND disabled = FALSE")
                .param(id)
                .query((rs, row) -> new StaffStanding(new SignedInStaff(rs.getLong("id"), rs.getString("email"),
                        StaffRole.valueOf(rs.getString("role")), null), rs.getBoolean("enrolled")))
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE email = ?").param(email).query(Long.class).single() > 0;
    }

    /**
     * Locks the enabled Administrators' rows and counts them, so two changes at once cannot each leave the
     * other one as the last Administrator and then both go through.
     */
    int lockEnabledAdministrators() {
        return jdbc.sql("SELECT id FROM staff WHERE role = 'ADMINISTRATOR' AND disabled = FALSE FOR UPDATE")
                .query(Long.class).list().size();
    }

    void updateRole(long id, StaffRole role) {
        jdbc.sql("UPDATE staff SET role = ? WHERE id = ?").params(role.name(), id).update();
    }

    void updateDisabled(long id, boolean disabled) {
        jdbc.sql("UPDATE staff SET disabled = ? WHERE id = ?").params(disabled, id).update();
    }

    Optional<String> totpSecretOf(long id) {
        return jdbc.sql("SELECT totp_secret FROM staff WHERE id = ? AND totp_secret IS NOT NULL").param(id)
                .query(String.class).optional();
    }

    /** Stores the encrypted key (or none) and starts the replay guard at the given step. */
    void updateTotp(long id, String encryptedSecret, Long lastStep) {
        jdbc.sql("UPDATE staff SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
                .params(encryptedSecret, lastStep, id).update();
    }

    /** Records the step as used; false if it (or a later one) already was: the code is a replay. */
    boolean acceptStep(long id, long step) {
        return jdbc.sql("""
                UPDATE staff SET totp_last_step = ?
                WHERE id = ? AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step, id, step).update() == 1;
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                StaffRole.valueOf(rs.getString("role")), rs.getBoolean("disabled"), rs.getBoolean("password_set"),
                rs.getBoolean("two_factor"), lastLogin == null ? null : lastLogin.toInstant().atOffset(ZoneOffset.UTC));
    }

    void updatePasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE staff SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    void recordLogin(long id, Instant at) {
        jdbc.sql("UPDATE staff SET last_login_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }
}
