package app.roster.contact;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a contact's details; a changed address becomes unconfirmed and is asked to confirm again. */
@Service
public class ChangeContact {

    private final ContactAccess access;
    private final Contacts contacts;
    private final ConfirmationRequest confirmation;
    private final ApplicationEventPublisher events;

    ChangeContact(ContactAccess access, Contacts contacts, ConfirmationRequest confirmation, ApplicationEventPublisher events) {
        this.access = access;
        this.contacts = contacts;
        this.confirmation = confirmation;
        this.events = events;
    }

    @Transactional
    public void change(Actor actor, long accountId, long contactId, ContactDetails after, Locale language) {
        change(actor, accountId, contactId, before -> after, language);
    }

    /**
     * The same, with the new details made from the stored ones in this transaction (a partial update: what
     * {@code edit} leaves alone stays as it is, and nothing changes between the read and the write).
     */
    @Transactional
    public void change(Actor actor, long accountId, long contactId, UnaryOperator<ContactDetails> edit,
            Locale language) {
        access.requireToChange(actor, accountId);
        Contact contact = contacts.find(accountId, contactId).orElseThrow(NotFound::new);
        ContactDetails before = contact.details();
        ContactDetails after = edit.apply(before);
        boolean newAddress = !before.email().equals(after.email());
        if (newAddress && contacts.findByEmail(accountId, after.email()).isPresent()) {
            throw new ContactRefused("email", "contact.error.duplicate");
        }
        contacts.update(accountId, contactId, after);
        Map<String, String> changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(new ContactEvents.ContactRecorded(ContactEvents.Change.CHANGED, accountId, contactId,
                    changes, actor));
        }
        if (newAddress) {
            confirmation.send(accountId, contactId, after, language);
        }
    }

    static Map<String, String> changes(ContactDetails before, ContactDetails after) {
        Map<String, String> changes = new LinkedHashMap<>();
        diff(changes, "first_name", before.firstName(), after.firstName());
        diff(changes, "last_name", before.lastName(), after.lastName());
        diff(changes, "company", before.company(), after.company());
        diff(changes, "email", before.email().value(), after.email().value());
        diff(changes, "phone", before.phone(), after.phone());
        diff(changes, "address1", before.address1(), after.address1());
        diff(changes, "address2", before.address2(), after.address2());
        diff(changes, "city", before.city(), after.city());
        diff(changes, "region", before.region(), after.region());
        diff(changes, "postcode", before.postcode(), after.postcode());
        diff(changes, "country", before.country(), after.country());
        diff(changes, "tax_id", before.taxId(), after.taxId());
        diff(changes, "subscriptions", Category.join(before.subscriptions()), Category.join(after.subscriptions()));
        return changes;
    }

    private static void diff(Map<String, String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, Objects.toString(before, "") + " → " + Objects.toString(after, ""));
        }
    }
}
