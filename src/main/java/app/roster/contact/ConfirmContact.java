package app.roster.contact;

import app.roster.shared.OneTimeToken;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contact confirms their address with the emailed token; the link then stops working, or expires. */
@Service
public class ConfirmContact {

    private final Contacts contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConfirmContact(Contacts contacts, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /** The contact whose link this is, if it still works (for the page that shows the Confirm button). */
    @Transactional(readOnly = true)
    public Optional<Contact> pending(String rawToken) {
        return rawToken == null || rawToken.isBlank() ? Optional.empty()
                : contacts.findByConfirmationHash(OneTimeToken.hashOf(rawToken), clock.instant());
    }

    /** True when this call confirmed the address; false for an unknown, used, replaced or expired link. */
    @Transactional
    public boolean confirm(String rawToken) {
        Optional<Contact> contact = pending(rawToken);
        if (contact.isEmpty() || !contacts.confirm(contact.get().id(), OneTimeToken.hashOf(rawToken))) {
            return false;
        }
        Contact c = contact.get();
        events.publishEvent(new ContactEvents.ContactRecorded(ContactEvents.Change.CONFIRMED, c.accountId(), c.id(),
                Map.of("email", c.details().email().value())));
        return true;
    }
}
