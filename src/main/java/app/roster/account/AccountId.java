package app.roster.account;

import app.roster.shared.Id;

/** The id of a client account. */
public record AccountId(long value) implements Id {

    public AccountId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static AccountId parse(String text) {
        return new AccountId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
