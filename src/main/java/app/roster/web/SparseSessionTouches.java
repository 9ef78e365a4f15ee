package app.roster.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spares the session table a write on every request. Spring Session sets a session's last-access time on each
 * request, and the JDBC repository writes that back at once (its maintainers keep it so, as the servlet contract
 * asks). Here a request moves the stored time only once it is {@code roster.session.touch-interval} old (60 s by
 * default, and never more than a tenth of the session's idle timeout); within that, only a change of the session
 * (an attribute, a new id, another timeout) writes, and then with the current time.
 *
 * <p>The stored time thus lags the last request by less than the interval, so an idle session ends up to that
 * much before its idle timeout, never after it; the absolute timeout is counted from creation and is untouched.
 * Wraps the repository Boot configures (after {@link ConcurrentSessionWrites}), so every user of it, the
 * session filter and the session lists alike, sees the same sessions.
 */
@Component
class SparseSessionTouches implements BeanPostProcessor {

    private final ObjectProvider<WebSettings> settings;

    SparseSessionTouches(ObjectProvider<WebSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcIndexedSessionRepository repository) {
            return wrap(repository, settings.getObject().session().touchInterval());
        }
        return bean;
    }

    /** Its session type is package-private; a wildcard captures it without naming it. */
    private static Repository<?> wrap(FindByIndexNameSessionRepository<?> sessions, Duration interval) {
        return new Repository<>(sessions, interval);
    }

    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Touched<S>> {

        private final FindByIndexNameSessionRepository<S> sessions;
        private final Duration interval;

        Repository(FindByIndexNameSessionRepository<S> sessions, Duration interval) {
            this.sessions = sessions;
            this.interval = interval;
        }

        @Override
        public Touched<S> createSession() {
            return new Touched<>(sessions.createSession(), interval);
        }

        @Override
        public void save(Touched<S> session) {
            sessions.save(session.session);
        }

        @Override
        public Touched<S> findById(String id) {
            S found = sessions.findById(id);
            return found == null ? null : new Touched<>(found, interval);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Touched<S>> found = new LinkedHashMap<>();
            sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Touched<>(session, interval)));
            return found;
        }
    }

    /** A session whose last-access time reaches the stored session only when it is due or something changes. */
    static final class Touched<S extends Session> implements Session {

        private final S session;
        private final Duration interval;
        private Instant pending;

        Touched(S session, Duration interval) {
            this.session = session;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (time.isBefore(session.getLastAccessedTime().plus(slack()))) {
                pending = time;
            } else {
                pending = null;
                session.setLastAccessedTime(time);
            }
        }

        private Duration slack() {
            Duration tenth = session.getMaxInactiveInterval().dividedBy(10);
            return tenth.isNegative() || tenth.compareTo(interval) > 0 ? interval : tenth;
        }

        /** A write is coming anyway: it carries the current time too. */
        private void touchNow() {
            if (pending != null) {
                session.setLastAccessedTime(pending);
                pending = null;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return pending == null ? session.getLastAccessedTime() : pending;
        }

        @Override
        public void setAttribute(String name, Object value) {
            touchNow();
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            touchNow();
            session.removeAttribute(name);
        }

        @Override
        public String changeSessionId() {
            touchNow();
            return session.changeSessionId();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            touchNow();
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
