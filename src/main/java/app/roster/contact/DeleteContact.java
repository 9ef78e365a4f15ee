package app.roster.contact;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes a contact of the account (and with it its unsubscribe links). */
@Service
public class DeleteContact {

    private final ContactAccess access;
    private final Contacts contacts;
    private final ApplicationEventPublisher events;

    DeleteContact(ContactAccess access, Contacts contacts, ApplicationEventPublisher events) {
        this.access = access;
        this.contacts = contacts;
        this.events = events;
    }

    @Transactional
    public void delete(Actor actor, long accountId, long contactId) {
        access.requireToChange(actor, accountId);
        Contact contact = contacts.find(accountId, contactId).orElseThrow(NotFound::new);
        if (!contacts.delete(accountId, contactId)) {
            throw new NotFound();
        }
        events.publishEvent(new ContactEvents.ContactRecorded(ContactEvents.Change.DELETED, accountId, contactId,
                ContactEvents.summary(contact.details()), actor));
    }
}
