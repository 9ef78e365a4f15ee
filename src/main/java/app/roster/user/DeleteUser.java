package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator deletes a login that belongs to no client account. Tokens and recovery codes go with it (ON DELETE
 * CASCADE); invitations it sent or accepted keep working without it (ON DELETE SET NULL).
 *
 * <p>The memberships belong to a module above this one, which answers through {@link DeletionGuard}. A
 * concurrent association must not be swallowed by the cascade: the user's row is locked first (on PostgreSQL a
 * new membership's foreign key check takes a share lock on it, so the two wait for each other), then the guards
 * read the memberships in new statements, which in READ COMMITTED see any association that committed while we
 * waited; an association that comes later fails on the key.
 */
@Service
public class DeleteUser {

    private final Users users;
    private final JdbcClient jdbc;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;
    private final List<DeletionGuard> guards;

    DeleteUser(Users users, JdbcClient jdbc, UserSessions sessions, ApplicationEventPublisher events,
            List<DeletionGuard> guards) {
        this.users = users;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
        this.guards = guards;
    }

    /**
     * For the API, which tells the two refusals apart: {@link NotFound} for an unknown user, {@code CONFLICT} for
     * one who still belongs to an account (or whom another module keeps).
     */
    @Transactional
    public void deleteUnattached(Actor actor, long userId) {
        StaffOnly.requireAdministrator(actor);
        users.findById(userId).orElseThrow(NotFound::new);
        if (!delete(actor, userId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "admin.user.deleteRefused", null);
        }
    }

    /** False, changing nothing, when the user is unknown or belongs to an account. */
    @Transactional
    public boolean delete(Actor actor, long userId) {
        StaffOnly.requireAdministrator(actor);
        if (jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(Long.class).optional()
                .isEmpty()) {
            return false;
        }
        User user = users.findById(userId).orElseThrow();
        if (guards.stream().anyMatch(guard -> guard.keeps(userId))) {
            return false;
        }
        if (jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update() == 0) {
            return false;
        }
        sessions.endAll(userId);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.DELETED, user, actor));
        return true;
    }
}
