package app.roster.shared;

/**
 * A typed id: a positive whole number naming one row of the module that owns the type ({@code AccountId},
 * {@code UserId}, …). Controllers take it from the path, where each type has its converter, and hand
 * {@link #value()} to the use cases.
 */
public interface Id {

    long value();

    /**
     * The id as a path writes it: plain ASCII digits without a sign or leading zeros, at most {@link Long#MAX_VALUE}.
     * Anything else ({@code abc}, {@code 1e3}, {@code -1}, {@code 0}, {@code 007}, a number beyond a long,
     * digits of another script) names nothing, so it answers exactly like an id that does not exist.
     *
     * @throws NotFound for anything but such a number
     */
    static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
            throw new NotFound();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NotFound();
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException beyondALong) {
            throw new NotFound();
        }
    }

    /** For the records' constructors: an id is never zero or negative. */
    static long positive(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("An id is a positive number, not " + value);
        }
        return value;
    }
}
