package app.roster.admin;

import app.roster.audit.AuditFilter;
import app.roster.shared.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audited staff actions on the platform's records: exports of the trail and emails sent again. */
public final class RecordsEvents {

    private RecordsEvents() {
    }

    /** The trail was exported as CSV; the details name the filter, so the audit shows what left the building. */
    public record AuditExported(AuditFilter filter) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.audit.exported";
        }

        @Override
        public Map<String, String> details() {
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
    public record EmailRetried(long messageId, String recipient, int attempts) implements AuditedEvent {
        @Override
        public String action() {
            return "admin.email.retried";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("message_id", String.valueOf(messageId));
            details.put("recipient", recipient);
            details.put("attempts", String.valueOf(attempts));
            return details;
        }
    }
}
