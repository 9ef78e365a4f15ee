package app.roster.audit;

import app.roster.shared.Actor;
import app.roster.shared.AuditedEvent;
import app.roster.shared.ClientIp;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records every {@link AuditedEvent} synchronously, inside the publisher's transaction: the change and
 * its audit row commit or roll back together. Who and from where come from the current request.
 */
@Component
public class AuditTrail {

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** First among the listeners, so the trail reads in the order things happened. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(AuditedEvent event) {
        Actor.Principal actor = currentActor();
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, ip, account_id,
                                          user_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), event.action(), actorType(actor).name(),
                        actor == null ? null : actor.actorId(), actor == null ? null : actor.actorLabel(),
                        ClientIp.current().map(ClientIp::value).orElse(null),
                        event.auditedAccountId(), event.auditedUserId(), format(event.details()))
                .update();
    }

    /** The newest entries about one user (their security events), newest first. */
    public List<AuditEntry> forUser(long userId, int limit) {
        return jdbc.sql("SELECT * FROM audit_events WHERE user_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(AuditTrail::map).list();
    }

    /** A page of one user's entries of one action (their login history, say), newest first. */
    public List<AuditEntry> forUser(long userId, String action, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM audit_events WHERE user_id = ? AND action = ?
                ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(userId, action, limit, offset).query(AuditTrail::map).list();
    }

    public long countForUser(long userId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = ?")
                .params(userId, action).query(Long.class).single();
    }

    private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                rs.getString("actor_type"), rs.getObject("actor_id", Long.class), rs.getString("actor_label"),
                rs.getString("ip"), rs.getObject("account_id", Long.class), rs.getObject("user_id", Long.class),
                rs.getString("details"));
    }

    /** Nobody signed in: an anonymous visitor during a request, Roster itself outside one (startup, jobs). */
    private static Actor.Type actorType(Actor.Principal actor) {
        if (actor != null) {
            return actor.actorType();
        }
        return RequestContextHolder.getRequestAttributes() == null ? Actor.Type.SYSTEM : Actor.Type.ANONYMOUS;
    }

    private static Actor.Principal currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor.Principal actor ? actor : null;
    }

    private static String format(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        String text = details.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
        return text.length() > MAX_DETAILS ? text.substring(0, MAX_DETAILS) : text;
    }
}
