package app.roster.shared;

import java.util.Map;

/**
 * An event the audit trail records, in the transaction of the change that published it.
 * Details must never hold a password or a token.
 */
public interface AuditedEvent {

    /** A stable, dotted name such as {@code user.registered}. */
    String action();

    /** The account the change concerns, or null. */
    default Long auditedAccountId() {
        return null;
    }

    /** The user the change concerns, or null. */
    default Long auditedUserId() {
        return null;
    }

    /** What changed, as short printable values. */
    default Map<String, String> details() {
        return Map.of();
    }
}
