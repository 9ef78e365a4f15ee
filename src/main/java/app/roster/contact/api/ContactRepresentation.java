package app.roster.contact.api;

import app.roster.api.ApiRepresentations;
import app.roster.contact.ViewContacts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A contact in webhook payloads, as {@code GET /api/v1/accounts/{id}/contacts/{contactId}} answers it. */
@Component
class ContactRepresentation implements ApiRepresentations.OfContact {

    private final ViewContacts contacts;

    ContactRepresentation(ViewContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<Object> contact(long accountId, long contactId) {
        return contacts.read(accountId, contactId).map(ContactResponse::of);
    }
}
