package app.roster.staff;

import app.roster.shared.Id;

/** The id of a staff member. */
public record StaffId(long value) implements Id {

    public StaffId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static StaffId parse(String text) {
        return new StaffId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
