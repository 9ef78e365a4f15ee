package app.roster.mail;

import app.roster.shared.Id;

/** The id of an outbox message: an email, queued, sent or failed. */
public record MessageId(long value) implements Id {

    public MessageId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static MessageId parse(String text) {
        return new MessageId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
