package app.roster.contact;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends an unconfirmed contact a new confirmation link, for one that expired or went astray. */
@Service
public class ResendConfirmation {

    private final ContactAccess access;
    private final Contacts contacts;
    private final ConfirmationRequest confirmation;
    private final ApplicationEventPublisher events;

    ResendConfirmation(ContactAccess access, Contacts contacts, ConfirmationRequest confirmation, ApplicationEventPublisher events) {
        this.access = access;
        this.contacts = contacts;
        this.confirmation = confirmation;
        this.events = events;
    }

    /** False when the address is confirmed already (nothing is sent); {@link ContactRefused} when rate-limited. */
    @Transactional
    public boolean resend(Actor actor, long accountId, long contactId, Locale language) {
        access.requireToChange(actor, accountId);
        Contact contact = contacts.find(accountId, contactId).orElseThrow(NotFound::new);
        if (contact.emailConfirmed()) {
            return false;
        }
        confirmation.send(accountId, contactId, contact.details(), language);
        events.publishEvent(new ContactEvents.ContactRecorded(ContactEvents.Change.CONFIRMATION_RESENT, accountId,
                contactId, Map.of("email", contact.details().email().value()), actor));
        return true;
    }
}
