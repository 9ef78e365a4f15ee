package app.roster.webhook;

import java.util.List;

/**
 * The event types an endpoint may subscribe to (the test event goes only to the endpoint it is sent to), as the issue names them. Not all are sent yet: see
 * {@link WebhookTriggers} for the ones that are.
 */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "user.created", "user.updated", "user.email_changed", "user.disabled", "user.enabled", "user.deleted",
            "account.created", "account.updated", "account.closed", "account.reopened", "account.deleted",
            "account.owner_changed",
            "member.added", "member.permissions_changed", "member.removed", "member.left",
            "invitation.sent", "invitation.resent", "invitation.accepted", "invitation.cancelled",
            "invitation.expired",
            "contact.created", "contact.updated", "contact.deleted", "contact.unsubscribed",
            "session.ended");

    private EventTypes() {
    }
}
