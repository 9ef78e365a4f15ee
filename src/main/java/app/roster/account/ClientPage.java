package app.roster.account;

import java.util.List;

/** One page of the clients list; {@code page} is 1-based. */
public record ClientPage(List<ClientSummary> clients, int page, int totalPages, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
