package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator disables a user, or enables them again. Disabling ends every session at once, on every node: the
 * user's next request lands on the login page, and the login refuses a disabled user.
 */
@Service
public class DisableUser {

    private final Users users;
    private final JdbcClient jdbc;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;

    DisableUser(Users users, JdbcClient jdbc, UserSessions sessions, ApplicationEventPublisher events) {
        this.users = users;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
    }

    /** False when the user was disabled already (nothing changes, nothing is recorded). */
    @Transactional
    public boolean disable(Actor actor, long userId) {
        StaffOnly.requireAdministrator(actor);
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (!setDisabled(userId, true)) {
            return false;
        }
        sessions.endAll(userId);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.DISABLED, user, actor));
        return true;
    }

    /** False when the user was not disabled. */
    @Transactional
    public boolean enable(Actor actor, long userId) {
        StaffOnly.requireAdministrator(actor);
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (!setDisabled(userId, false)) {
            return false;
        }
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.ENABLED, user, actor));
        return true;
    }

    private boolean setDisabled(long userId, boolean disabled) {
        return jdbc.sql("UPDATE users SET disabled = ? WHERE id = ? AND disabled = ?")
                .params(disabled, userId, !disabled).update() == 1;
    }
}
