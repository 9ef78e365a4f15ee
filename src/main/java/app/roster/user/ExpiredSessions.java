package app.roster.user;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes sessions that timed out, in place of Spring Session's own clean-up (switched off), so that an idle
 * timeout is an end of session like a logout: each one removed is published ({@link SessionsEnded}), which sends
 * {@code session.ended} and the OpenID Connect back-channel logout. Every node runs it; a conditional delete per
 * session lets exactly one of them publish it. A session without a user (a visitor, a staff login) just goes.
 */
@Component
class ExpiredSessions {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpiredSessions(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    private record Expired(String primaryId, String sessionId, String principal) {
    }

    /** Up to {@link #BATCH} a minute; the rest wait for the next run, as Spring Session's clean-up did not. */
    @Scheduled(cron = "0 * * * * *")
    void endExpired() {
        long now = clock.millis();
        List<Expired> expired = jdbc.sql("""
                SELECT primary_id, session_id, principal_name FROM spring_session WHERE expiry_time < ?
                ORDER BY expiry_time FETCH FIRST %d ROWS ONLY""".formatted(BATCH)).param(now)
                .query((rs, row) -> new Expired(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        expired.forEach(session -> transactions.executeWithoutResult(status -> end(session, now)));
    }

    private void end(Expired session, long now) {
        // The attributes go with it (ON DELETE CASCADE); a session used again meanwhile has a later expiry.
        int removed = jdbc.sql("DELETE FROM spring_session WHERE primary_id = ? AND expiry_time < ?")
                .params(session.primaryId(), now).update();
        if (removed == 1 && session.principal() != null && session.principal().matches("\\d{1,18}")) {
            events.publishEvent(new SessionsEnded(Long.parseLong(session.principal()), session.sessionId()));
        }
    }
}
