package app.roster.staff;

import java.util.List;

/** One page (1-based) of the staff list, by name. */
public record StaffPage(List<StaffMember> members, int page, int totalPages, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
