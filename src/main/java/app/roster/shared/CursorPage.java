package app.roster.shared;

import java.util.List;

/**
 * One page of a keyset list as a page of either area shows it, with the {@link Cursor}s of its neighbours: the
 * "Previous" link continues before the first row, "Next" after the last, so a page deep in a list costs what
 * the first one does (no OFFSET). {@code total} counts all rows when that is cheap, else {@link Page#UNKNOWN}.
 */
public record CursorPage<T>(List<T> items, String previous, String next, long total) {

    public CursorPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return previous != null;
    }

    public boolean hasNext() {
        return next != null;
    }

    /** More than one page: the pager is shown. */
    public boolean paged() {
        return hasPrevious() || hasNext();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean knowsTotal() {
        return total != Page.UNKNOWN;
    }

    public <R> CursorPage<R> withItems(List<R> others) {
        return new CursorPage<>(others, previous, next, total);
    }
}
