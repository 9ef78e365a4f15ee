package app.roster.contact;

import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.NotFound;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an account's contacts for an actor who may see them (see {@link ContactAccess}). */
@Service
@Transactional(readOnly = true)
public class ViewContacts {

    private final ContactAccess access;
    private final Contacts contacts;
    private final ContactListing listing;

    ViewContacts(ContactAccess access, Contacts contacts, ContactListing listing) {
        this.access = access;
        this.contacts = contacts;
        this.listing = listing;
    }

    /** A keyset page of the account's contacts, in the order they were added. */
    public KeysetPage<Contact> list(Actor actor, long accountId, Keyset page) {
        access.requireToRead(actor, accountId);
        return listing.list(accountId, page);
    }

    /** One contact; {@link NotFound} for an id of another account, as for one that does not exist. */
    public Contact find(Actor actor, long accountId, long contactId) {
        access.requireToRead(actor, accountId);
        return contacts.find(accountId, contactId).orElseThrow(NotFound::new);
    }

    /** Roster's own read, behind no wall: for the webhook payload of a change it has just made. */
    public Optional<Contact> read(long accountId, long contactId) {
        return contacts.find(accountId, contactId);
    }
}
