package app.roster.invitation;

import app.roster.shared.Id;

/** The id of an invitation. */
public record InvitationId(long value) implements Id {

    public InvitationId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static InvitationId parse(String text) {
        return new InvitationId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
