package app.roster.user;

import java.util.List;

/** One page (1-based) of users matching an "Associate User" search. */
public record UserSearchPage(List<FoundUser> users, int page, int totalPages, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
