package app.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a keyset list from its first page to its last, as an API client follows the {@code next} cursors. */
public final class KeysetWalk {

    private static final int MAX_PAGES = 10_000;

    private KeysetWalk() {
    }

    /** Every row, in the order the pages gave them. */
    public static <T> List<T> all(Function<Keyset, KeysetPage<T>> list, int limit) {
        return all(list, limit, () -> { });
    }

    /** The same, running {@code betweenPages} after every page that has a next one (rows written meanwhile). */
    public static <T> List<T> all(Function<Keyset, KeysetPage<T>> list, int limit, Runnable betweenPages) {
        List<T> rows = new ArrayList<>();
        String cursor = null;
        for (int pages = 1; pages <= MAX_PAGES; pages++) {
            KeysetPage<T> page = list.apply(new Keyset(cursor, limit));
            assertThat(page.items().size()).as("rows on page " + pages).isLessThanOrEqualTo(limit);
            if (page.hasNext()) {
                assertThat(page.items()).as("a page with a next one is full").hasSize(limit);
            }
            rows.addAll(page.items());
            cursor = page.next();
            if (cursor == null) {
                return rows;
            }
            betweenPages.run();
        }
        throw new AssertionError("more than " + MAX_PAGES + " pages");
    }
}
