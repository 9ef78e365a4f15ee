package app.roster.shared;

import java.util.List;

/**
 * One page of a list: what every paginated list of both areas hands its template, and what the one pager
 * fragment ({@code fragments/pager.html}) reads.
 *
 * <p>{@code number} is written as the list's links write it, counting from {@code first}: 1 in the Admin Area, 0
 * in the Client Area, whose links started at 0 and stay as people bookmarked them. {@code total} counts the
 * matching rows, or is {@link #UNKNOWN} for a list that only looked one row ahead ({@link Request#probed});
 * {@code more} says that more rows match than {@code total}, a count that stopped at a limit.
 */
public record Page<T>(List<T> items, int number, int first, int size, long total, boolean more, boolean hasNext) {

    public static final long UNKNOWN = -1;

    public Page {
        items = List.copyOf(items);
        if (size < 1 || first < 0 || number < first || total < UNKNOWN) {
            throw new IllegalArgumentException("No such page: " + number + " from " + first + " of " + size);
        }
    }

    /**
     * The page someone asked for, before its rows are read. The number is never below the first page, nor so
     * far beyond it that the offset would not fit an {@code int}; past the end of a counted list it is the last
     * page ({@link #within}).
     */
    public record Request(int number, int first, int size) {

        public Request {
            if (size < 1 || first < 0) {
                throw new IllegalArgumentException("No such page size or start: " + size + ", " + first);
            }
            number = Math.clamp(number, first, first + Integer.MAX_VALUE / size);
        }

        /** Page {@code number} of pages of {@code size} rows, numbered from 1: the Admin Area's lists. */
        public static Request fromOne(int number, int size) {
            return new Request(number, 1, size);
        }

        /** Page {@code number} of pages of {@code size} rows, numbered from 0: the Client Area's lists. */
        public static Request fromZero(int number, int size) {
            return new Request(number, 0, size);
        }

        /** The same request, moved back to the last page when it lies past the {@code total} rows. */
        public Request within(long total) {
            return new Request((int) Math.min(number, first + pagesOf(total, size) - 1L), first, size);
        }

        /** The rows to skip. */
        public int offset() {
            return (number - first) * size;
        }

        /** A page of a list whose matching rows were counted. */
        public <T> Page<T> of(List<T> items, long total) {
            return of(items, total, false);
        }

        /** A page of a list whose count stopped at a limit: {@code more} when more rows match than {@code total}. */
        public <T> Page<T> of(List<T> items, long total, boolean more) {
            return new Page<>(items, number, first, size, total, more, number - first + 1L < pagesOf(total, size));
        }

        /** A page of a list that was not counted, read with a limit of {@code size + 1} rows to see if more follow. */
        public <T> Page<T> probed(List<T> rowsAndOneMore) {
            boolean hasNext = rowsAndOneMore.size() > size;
            return new Page<>(hasNext ? rowsAndOneMore.subList(0, size) : rowsAndOneMore, number, first, size,
                    UNKNOWN, false, hasNext);
        }
    }

    /** How many pages {@code total} rows fill: at least one, even when empty. */
    public static int pagesOf(long total, int size) {
        return (int) Math.clamp((total + size - 1) / size, 1, Integer.MAX_VALUE);
    }

    /** This page with other items in place of its own: the same rows, completed or shown differently. */
    public <R> Page<R> withItems(List<R> others) {
        return new Page<>(others, number, first, size, total, more, hasNext);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean knowsTotal() {
        return total != UNKNOWN;
    }

    /** The number of pages; for a list that was not counted, the pages seen so far and the next one if any. */
    public int totalPages() {
        return knowsTotal() ? pagesOf(total, size) : position() + (hasNext ? 1 : 0);
    }

    /** Which page this is, counted from 1 whatever the links write: "Page 2 of 5". */
    public int position() {
        return number - first + 1;
    }

    public boolean hasPrevious() {
        return number > first;
    }

    /** The previous page's number as links write it; only meaningful when {@link #hasPrevious()}. */
    public int previous() {
        return number - 1;
    }

    /** The next page's number as links write it; only meaningful when {@link #hasNext()}. */
    public int next() {
        return number + 1;
    }

    /** More than one page: the pager is shown. */
    public boolean paged() {
        return hasPrevious() || hasNext;
    }
}
