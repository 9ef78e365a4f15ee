package app.roster.contact;

import app.roster.shared.Actor;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds a contact; its address is unconfirmed until the emailed link is used. One address once per account. */
@Service
public class AddContact {

    private final ContactAccess access;
    private final Contacts contacts;
    private final ConfirmationRequest confirmation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AddContact(ContactAccess access, Contacts contacts, ConfirmationRequest confirmation, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.contacts = contacts;
        this.confirmation = confirmation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long add(Actor actor, long accountId, ContactDetails details, Locale language) {
        access.requireToChange(actor, accountId);
        if (contacts.findByEmail(accountId, details.email()).isPresent()) {
            throw new ContactRefused("email", "contact.error.duplicate");
        }
        long id = contacts.insert(accountId, details, clock.instant());
        events.publishEvent(new ContactEvents.ContactRecorded(ContactEvents.Change.ADDED, accountId, id,
                ContactEvents.summary(details), actor));
        confirmation.send(accountId, id, details, language);
        return id;
    }
}
