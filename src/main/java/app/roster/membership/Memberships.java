package app.roster.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table, read together with the account's name and owner in one indexed query. */
@Repository
public class Memberships {

    private static final String SELECT = """
            SELECT m.account_id, a.name, m.user_id, a.owner_user_id, m.permissions
            FROM memberships m JOIN accounts a ON a.id = m.account_id
            """;

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The one query behind "may user U act in account A?", run on every Client Area request. */
    public Optional<Membership> find(long accountId, long userId) {
        return jdbc.sql(SELECT + " WHERE m.account_id = ? AND m.user_id = ? AND a.status = 'ACTIVE'")
                .params(accountId, userId).query(Memberships::map).optional();
    }

    /** A page of the user's accounts, by name. */
    public List<Membership> forUser(long userId, int limit, int offset) {
        return jdbc.sql(SELECT + " WHERE m.user_id = ? AND a.status = 'ACTIVE' ORDER BY a.name, a.id LIMIT ? OFFSET ?")
                .params(userId, limit, offset).query(Memberships::map).list();
    }

    public int countForUser(long userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = ? AND a.status = 'ACTIVE'""")
                .param(userId).query(Integer.class).single();
    }

    void insert(long accountId, long userId, Set<String> permissions, Instant now) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, userId, Permissions.format(permissions), Timestamp.from(now)).update();
    }

    private static Membership map(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        return new Membership(rs.getLong("account_id"), rs.getString("name"), userId,
                rs.getLong("owner_user_id") == userId, Permissions.parse(rs.getString("permissions")));
    }
}
