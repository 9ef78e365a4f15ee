package app.roster.admin;

import app.roster.audit.AuditFilter;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audited staff actions on the platform's records: exports of the trail and emails sent again. */
public final class RecordsEvents {

    private RecordsEvents() {
    }

    /** The trail was exported as CSV; the details name the filter, so the audit shows what left the building. */
    public record AuditExported(AuditFilter filter, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("admin.audit.exported").with(described(filter)).by(actor);
        }

        private static Map<String, String> described(AuditFilter filter) {
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "account_id", filter.accountId());
            put(details, "actor_type", filter.actorType());
            put(details, "actor_id", filter.actorId());
            put(details, "actor", filter.actorLabel());
            put(details, "action", filter.action());
            put(details, "action_prefix", filter.actionPrefix());
            put(details, "from", filter.from());
            put(details, "to", filter.to());
            return details.isEmpty() ? Map.of("filter", "none") : details;
        }

        private static void put(Map<String, String> details, String key, Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
        }
    }

    /** A FAILED email was queued again; its body (which may hold a link) is never part of the record. */
    public record EmailRetried(long messageId, String recipient, int attempts, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("admin.email.retried", "message_id", messageId, "recipient", recipient,
                    "attempts", attempts).by(actor);
        }
    }
}
