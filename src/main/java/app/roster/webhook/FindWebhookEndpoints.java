package app.roster.webhook;

import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.shared.StaffOnly;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading the endpoints and their delivery log: staff of either role, or a platform API key. Never a secret. */
@Service
public class FindWebhookEndpoints {

    /** The delivery log shows this many of the newest deliveries. */
    public static final int LOG_SIZE = 100;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    FindWebhookEndpoints(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    public List<WebhookEndpoint> all(Actor actor) {
        StaffOnly.requireStaff(actor);
        return endpoints.all();
    }

    public WebhookEndpoint find(Actor actor, long endpointId) {
        StaffOnly.requireStaff(actor);
        return endpoints.find(endpointId).orElseThrow(NotFound::new);
    }

    /** The newest deliveries first, bodies included (they hold no secret). */
    public List<WebhookDelivery> deliveries(Actor actor, long endpointId) {
        find(actor, endpointId);
        return deliveries.ofEndpoint(endpointId, LOG_SIZE);
    }

    /**
     * A page of the delivery log, newest first, as the Admin Area pages it: by keyset, so page 400 costs what the
     * first does. {@code position} is the page after the older cursor or before the newer one (both null: the
     * first page); a delivery queued meanwhile shows on the first page, never twice.
     */
    public DeliveryLog deliveries(Actor actor, long endpointId, DeliveryLog.Position position, int size) {
        find(actor, endpointId);
        if (position.newerThan() != null) {
            List<WebhookDelivery> newer = deliveries.newerThan(endpointId,
                    Cursor.decode(DeliveryLog.LIST, position.newerThan()).id(), size + 1);
            boolean newerStill = newer.size() > size;
            List<WebhookDelivery> rows = newer.subList(0, Math.min(size, newer.size())).reversed();
            int number = newerStill ? Math.max(position.number(), 2) : 1;
            return new DeliveryLog(new Page<>(rows, number, 1, size, Page.UNKNOWN, false, true));
        }
        if (position.olderThan() == null) {
            return new DeliveryLog(Page.Request.fromOne(1, size).probed(deliveries.olderThan(endpointId, Long.MAX_VALUE,
                    size + 1)));
        }
        long before = Cursor.decode(DeliveryLog.LIST, position.olderThan()).id();
        return new DeliveryLog(Page.Request.fromOne(Math.max(position.number(), 2), size)
                .probed(deliveries.olderThan(endpointId, before, size + 1)));
    }

    /** A page of the endpoints, oldest first. */
    public Page<WebhookEndpoint> page(Actor actor, Page.Request page) {
        StaffOnly.requireStaff(actor);
        return page.probed(endpoints.page(page.offset(), page.size() + 1));
    }
}
