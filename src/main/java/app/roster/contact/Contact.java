package app.roster.contact;

import java.time.Instant;

/** A stored contact of one account. */
public record Contact(long id, long accountId, ContactDetails details, boolean emailConfirmed, Instant createdAt) {

    /** The permission a user needs to see and change the account's contacts. */
    public static final String PERMISSION = "contacts";

    public boolean subscribedTo(Category category) {
        return details.subscriptions().contains(category);
    }
}
