package app.roster.membership;

import java.util.List;

/** One page (1-based) of a staff list. {@code more}: more rows match than {@code total}, a capped count. */
public record DirectoryPage<T>(List<T> rows, int page, int totalPages, long total, boolean more) {

    public DirectoryPage(List<T> rows, int page, int totalPages, long total) {
        this(rows, page, totalPages, total, false);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }

    public static int pagesOf(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
