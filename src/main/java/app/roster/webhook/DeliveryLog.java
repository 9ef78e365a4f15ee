package app.roster.webhook;

import app.roster.shared.Cursor;
import app.roster.shared.Page;

/**
 * A page of an endpoint's delivery log with the cursors its pager's links carry: the newest row's for the previous
 * (newer) page, the oldest row's for the next (older) one.
 */
public record DeliveryLog(Page<WebhookDelivery> page) {

    static final String LIST = "webhook-deliveries";

    /** Where a link asked to go: its page number (for "Page N" only) and at most one of the two cursors. */
    public record Position(int number, String olderThan, String newerThan) {

        public static Position first() {
            return new Position(1, null, null);
        }
    }

    /** The cursor of the previous page's link; null on the first page. */
    public String newer() {
        return page.hasPrevious() && !page.items().isEmpty() ? Cursor.of(LIST, page.items().getFirst().id()).encoded()
                : null;
    }

    /** The cursor of the next page's link; null on the last page. */
    public String older() {
        return page.hasNext() && !page.items().isEmpty() ? Cursor.of(LIST, page.items().getLast().id()).encoded() : null;
    }
}
