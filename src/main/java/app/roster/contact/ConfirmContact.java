package app.roster.contact;

import app.roster.security.SecurityEvents;
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
    private final SecurityEvents securityEvents;

    ConfirmContact(Contacts contacts, ApplicationEventPublisher events, Clock clock, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The contact whose link this is, if it still works (for the page that shows the Confirm button). A link
     * that matches no contact is a security event; a used or replaced one too, as its hash is dropped then.
     */
    @Transactional(readOnly = true)
    public Optional<Contact> pending(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return Optional.empty();
        }
        String hash = OneTimeToken.hashOf(rawToken);
        Optional<Contact> contact = contacts.findByConfirmationHash(hash, clock.instant());
        if (contact.isEmpty() && !contacts.hasConfirmationHash(hash)) {
            securityEvents.unknownToken("contact_confirmation");
        }
        return contact;
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
                Map.of("email", c.details().email().value()), null));
        return true;
    }
}
