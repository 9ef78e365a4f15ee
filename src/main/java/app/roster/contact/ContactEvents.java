package app.roster.contact;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
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

    /** What happened to a contact; the audit action is {@code contact.<change>}. */
    public enum Change { ADDED, CHANGED, DELETED, CONFIRMED, CONFIRMATION_RESENT }

    /**
     * One audited change to a contact. The details are the new contact's summary (added), the fields that
     * changed as {@code before → after} (changed), the removed contact's summary (deleted) or its address.
     */
    public record ContactRecorded(Change change, long accountId, long contactId, Map<String, String> facts,
            Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("contact." + change.name().toLowerCase(Locale.ROOT), accountId).with(facts)
                    .with(Map.of("contact", String.valueOf(contactId))).by(actor);
        }
    }

    /** By the contact's own link: nobody signed in acts. */
    public record ContactUnsubscribed(long accountId, long contactId, Category category, Set<Category> before,
            Set<Category> after) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("contact.unsubscribed", accountId, "contact", contactId, "category",
                    category.code(), "before", Category.join(before), "after", Category.join(after));
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
