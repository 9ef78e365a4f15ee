package app.roster.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset list: its rows in the list's order and the cursor of the next page, null on the last.
 * Walking a list from the first page to the last returns every row that existed throughout exactly once, also
 * while rows are added: a new row shows up on a later page, or not at all.
 */
public record KeysetPage<T>(List<T> items, String next) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page from rows fetched with {@link Keyset#fetch()}: when there is one row more than the limit, another
     * page follows, and it starts after the last row shown.
     */
    public static <T> KeysetPage<T> of(List<T> fetched, Keyset keyset, Function<T, Cursor> position) {
        if (fetched.size() <= keyset.limit()) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, keyset.limit());
        return new KeysetPage<>(shown, position.apply(shown.getLast()).encoded());
    }

    public boolean hasNext() {
        return next != null;
    }
}
