package app.roster.audit;

import java.util.List;

/**
 * One page of the trail, newest first; {@code page} is 1-based. {@code more}: more entries match than
 * {@code total}, which stops at {@link AuditSearch#COUNT_LIMIT}.
 */
public record AuditPage(List<AuditEntry> entries, int page, int totalPages, long total, boolean more) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
