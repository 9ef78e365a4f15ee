package app.roster.user;

import app.roster.shared.Id;

/** The id of a user (a login). */
public record UserId(long value) implements Id {

    public UserId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static UserId parse(String text) {
        return new UserId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
