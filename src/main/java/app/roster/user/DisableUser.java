package app.roster.user;

import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff disable a user, or enable them again. Disabling ends every session at once, on every node: the
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
    public boolean disable(long userId) {
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (!setDisabled(userId, true)) {
            return false;
        }
        sessions.endAll(userId);
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.DISABLED, user));
        return true;
    }

    /** False when the user was not disabled. */
    @Transactional
    public boolean enable(long userId) {
        User user = users.findById(userId).orElseThrow(NotFound::new);
        if (!setDisabled(userId, false)) {
            return false;
        }
        events.publishEvent(UserAccessEvents.UserAccessChanged.of(UserAccessEvents.Change.ENABLED, user));
        return true;
    }

    private boolean setDisabled(long userId, boolean disabled) {
        return jdbc.sql("UPDATE users SET disabled = ? WHERE id = ? AND disabled = ?")
                .params(disabled, userId, !disabled).update() == 1;
    }
}
