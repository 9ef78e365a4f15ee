package app.roster.credential;

import app.roster.shared.Id;

/** The id of a platform API key. */
public record ApiKeyId(long value) implements Id {

    public ApiKeyId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
