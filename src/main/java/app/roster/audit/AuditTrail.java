package app.roster.audit;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
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
 * its audit row commit or roll back together. Who acted is the {@link Actor} the event's {@link Audit} names;
 * without one (a visitor registering, a login, a change that follows from another), the request's signed-in
 * principal, an anonymous visitor, or Roster itself outside a request. From where is the request's address.
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
        Audit audit = event.audit();
        Who who = Who.of(audit.actor());
        jdbc.sql("""
                INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, ip, account_id,
                                          user_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), audit.action(), who.type().name(), who.id(), who.label(),
                        ClientIp.current().map(ClientIp::value).orElse(null),
                        audit.accountId(), audit.userId(), format(audit.details()))
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

    /** The row's actor columns. */
    private record Who(Actor.Type type, Long id, String label) {

        static Who of(Actor actor) {
            if (actor != null) {
                return new Who(actor.type(), actor.actorId(), actor.actorLabel());
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Actor.Principal principal) {
                return new Who(principal.actorType(), principal.actorId(), principal.actorLabel());
            }
            // Nobody signed in: an anonymous visitor during a request, Roster itself outside one (startup, jobs).
            return new Who(RequestContextHolder.getRequestAttributes() == null ? Actor.Type.SYSTEM
                    : Actor.Type.ANONYMOUS, null, null);
        }
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
