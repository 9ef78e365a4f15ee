package app.roster.credential;

import app.roster.shared.Id;

/** The id of a personal access token. */
public record TokenId(long value) implements Id {

    public TokenId {
        Id.positive(value);
    }

    /** From a path; anything but a positive whole number is {@link app.roster.shared.NotFound}. */
    public static TokenId parse(String text) {
        return new TokenId(Id.parse(text));
    }

    /** The number, as links and redirects write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
