package app.roster.contact;

import app.roster.shared.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Audited contact events (never with a token or link), and the confirmation email they cause. */
public final class ContactEvents {

    private ContactEvents() {
    }

    static Map<String, String> summary(ContactDetails d) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", d.fullName());
        map.put("email", d.email().value());
        map.put("subscriptions", Category.join(d.subscriptions()));
        return map;
    }

    public record ContactAdded(long accountId, long contactId, Map<String, String> after) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.added";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> map = new LinkedHashMap<>(after);
            map.put("contact", String.valueOf(contactId));
            return map;
        }
    }

    public record ConfirmationResent(long accountId, long contactId, String email) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.confirmation_resent";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("contact", String.valueOf(contactId), "email", email);
        }
    }

    /** Only the fields that changed, each as {@code before → after}. */
    public record ContactChanged(long accountId, long contactId, Map<String, String> changes) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.changed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> map = new LinkedHashMap<>(changes);
            map.put("contact", String.valueOf(contactId));
            return map;
        }
    }

    public record ContactDeleted(long accountId, long contactId, Map<String, String> before) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.deleted";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> map = new LinkedHashMap<>(before);
            map.put("contact", String.valueOf(contactId));
            return map;
        }
    }

    public record ContactConfirmed(long accountId, long contactId, String email) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.confirmed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("contact", String.valueOf(contactId), "email", email);
        }
    }

    public record ContactUnsubscribed(long accountId, long contactId, Category category, Set<Category> before,
            Set<Category> after) implements AuditedEvent {
        @Override
        public String action() {
            return "contact.unsubscribed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Map<String, String> details() {
            return Map.of("contact", String.valueOf(contactId), "category", category.code(),
                    "before", Category.join(before), "after", Category.join(after));
        }
    }

    /** The email asking the contact to confirm; the mail module renders it. Not audited: it holds the link. */
    public record ContactConfirmationRequested(long contactId, String email, Locale language, String accountName,
            String contactName, Set<Category> categories, String link) {
        @Override
        public String toString() {
            return "ContactConfirmationRequested[contact=" + contactId + "]";
        }
    }
}
