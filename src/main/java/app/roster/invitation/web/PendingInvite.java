package app.roster.invitation.web;

import app.roster.membership.Permission;
import java.time.Instant;
import java.util.List;

/**
 * One row of "Pending Invites"; {@code inviterName} is null when staff sent it; {@code everyPermission} shows as
 * "All permissions" rather than the whole catalogue. {@code outsideDomains}: a restriction set after sending leaves
 * the address outside, and accepting will be refused.
 */
public record PendingInvite(long id, String email, String inviterName, List<Permission> permissions,
        boolean everyPermission, RelativeTime sentAgo, Instant sentAt, Instant expiresAt, boolean expired, boolean manageable,
        boolean outsideDomains) {
}
