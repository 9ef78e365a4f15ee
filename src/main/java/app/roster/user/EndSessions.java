package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An Administrator ends every session of a user; the user logs in again on their next request. */
@Service
public class EndSessions {

    private final Users users;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;

    EndSessions(Users users, UserSessions sessions, ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
    }

    /** The number of sessions that were open. */
    @Transactional
    public int endAll(Actor actor, long userId) {
        StaffOnly.requireAdministrator(actor);
        users.findById(userId).orElseThrow(NotFound::new);
        int open = sessions.list(userId, null).size();
        sessions.endAll(userId);
        events.publishEvent(new UserAccessEvents.UserAccessChanged(UserAccessEvents.Change.SESSIONS_ENDED, userId,
                Map.of("sessions", String.valueOf(open)), actor));
        return open;
    }
}
