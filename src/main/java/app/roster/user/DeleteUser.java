package app.roster.user;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff delete a login that belongs to no client account. Tokens and recovery codes go with it (ON DELETE
 * CASCADE); invitations it sent or accepted keep working without it (ON DELETE SET NULL).
 *
 * <p>The memberships table belongs to a module above this one, so it is read here as a table, not through
 * that module. A concurrent association must not be swallowed by the cascade: the user's row is locked
 * first (on PostgreSQL a new membership's foreign key check takes a share lock on it, so the two wait for
 * each other), then the DELETE checks the memberships in a new statement, which in READ COMMITTED sees
 * any association that committed while we waited; an association that comes later fails on the key.
 */
@Service
public class DeleteUser {

    private final Users users;
    private final JdbcClient jdbc;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;

    DeleteUser(Users users, JdbcClient jdbc, UserSessions sessions, ApplicationEventPublisher events) {
        this.users = users;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
    }

    /** False, changing nothing, when the user is unknown or belongs to an account. */
    @Transactional
    public boolean delete(long userId) {
        if (jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(Long.class).optional()
                .isEmpty()) {
            return false;
        }
        User user = users.findById(userId).orElseThrow();
        int deleted = jdbc.sql("""
                DELETE FROM users WHERE id = ?
                AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = ?)
                AND NOT EXISTS (SELECT 1 FROM accounts WHERE owner_user_id = ?)""")
                .params(userId, userId, userId).update();
        if (deleted == 0) {
            return false;
        }
        sessions.endAll(userId);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.DELETED, user));
        return true;
    }
}
