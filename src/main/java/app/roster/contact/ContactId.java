package app.roster.contact;

import app.roster.shared.Id;

/** The id of a contact of a client account. */
public record ContactId(long value) implements Id {

    public ContactId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static ContactId parse(String text) {
        return new ContactId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
