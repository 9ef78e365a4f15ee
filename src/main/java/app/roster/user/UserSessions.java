package app.roster.user;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's server-side sessions (Spring Session JDBC, indexed by principal name = user id), so that
 * logout, a password change or reset, or disabling a user ends them on every node. Each end is published
 * ({@link SessionsEnded}) in the caller's transaction, so that the applications signed in through those sessions
 * are told (OpenID Connect back-channel logout).
 */
@Component
public class UserSessions {

    /** One session as the user sees it. */
    public record ActiveSession(String id, Instant createdAt, Instant lastAccessedAt, String ip, String userAgent,
            boolean current) {
    }

    public static final String IP_ATTRIBUTE = "roster.login.ip";
    public static final String USER_AGENT_ATTRIBUTE = "roster.login.userAgent";

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final ApplicationEventPublisher events;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public List<ActiveSession> list(long userId, String currentSessionId) {
        Map<String, ? extends Session> found = repository.findByPrincipalName(String.valueOf(userId));
        return found.values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> new ActiveSession(session.getId(), session.getCreationTime(),
                        session.getLastAccessedTime(), session.getAttribute(IP_ATTRIBUTE),
                        session.getAttribute(USER_AGENT_ATTRIBUTE), session.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::lastAccessedAt).reversed())
                .toList();
    }

    /** Ends one of the user's own sessions; another user's session id does nothing. */
    @Transactional
    public boolean end(long userId, String sessionId) {
        Map<String, ? extends Session> found = repository.findByPrincipalName(String.valueOf(userId));
        if (!found.containsKey(sessionId)) {
            return false;
        }
        repository.deleteById(sessionId);
        events.publishEvent(new SessionsEnded(userId, sessionId));
        return true;
    }

    /**
     * The user logged out of this session: the logout itself (Spring Security's) removes it; this tells the
     * applications signed in through it.
     */
    @Transactional
    public void loggedOut(long userId, String sessionId) {
        events.publishEvent(new SessionsEnded(userId, sessionId));
    }

    @Transactional
    public void endAll(long userId) {
        endAllExcept(userId, null);
    }

    /**
     * Every session but the one kept (the one that changed the password, say). Published as an end of every
     * session even when none was open: the applications' own sessions may well outlive Roster's.
     */
    @Transactional
    public void endAllExcept(long userId, String keepSessionId) {
        repository.findByPrincipalName(String.valueOf(userId)).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(repository::deleteById);
        events.publishEvent(SessionsEnded.all(userId));
    }
}
