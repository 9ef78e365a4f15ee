package app.roster.shared;

import java.util.Optional;

/**
 * Which page of a keyset list a client asks for: after which {@link Cursor} (none: the first page), and how
 * many rows. A page costs the same wherever it is in the list, since the query starts at the cursor's row
 * through an index instead of counting and skipping the rows before it.
 *
 * @param cursor the encoded cursor as the client sent it, null for the first page; decoded by the list that
 *               owns it ({@link #after}), which refuses one made for another list
 * @param limit  how many rows, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 */
public record Keyset(String cursor, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final String LIMIT_FIELD = "limit";

    public Keyset {
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new Refusal(Refusal.Kind.INVALID, "limit.invalid", LIMIT_FIELD, MIN_LIMIT, MAX_LIMIT);
        }
    }

    /** What a request asked for: no limit means {@value #DEFAULT_LIMIT}; one outside the bounds is INVALID. */
    public static Keyset of(String cursor, Integer limit) {
        return new Keyset(cursor, limit == null ? DEFAULT_LIMIT : limit);
    }

    public static Keyset first(int limit) {
        return new Keyset(null, limit);
    }

    /** The position to continue after, decoded for {@code list}; empty on the first page. */
    public Optional<Cursor> after(String list) {
        return cursor == null ? Optional.empty() : Optional.of(Cursor.decode(list, cursor));
    }

    /** The rows a query should fetch: one more than the page, to know whether another page follows. */
    public int fetch() {
        return limit + 1;
    }
}
