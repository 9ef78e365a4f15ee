package app.roster.invitation;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.time.Instant;
import java.util.Set;

/**
 * An offer to join one account, sent to one address. Its state moves only forward; the row is history. The
 * version counts the changes of its permissions, so that an edit form shown before the latest one is refused.
 */
public record Invitation(long id, long accountId, EmailAddress email, Set<String> permissions, Language language,
        Long invitedByUserId, Long invitedByStaffId, Status status, Instant sentAt, Instant expiresAt,
        Long acceptedByUserId, Instant acceptedAt, long version) {

    public enum Status { PENDING, ACCEPTED, CANCELLED, EXPIRED }

    /** What the pages show: a pending invitation past its expiry is expired even before the job marks it. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !expiresAt.isAfter(now) ? Status.EXPIRED : status;
    }

    public boolean isOpenAt(Instant now) {
        return statusAt(now) == Status.PENDING;
    }

    /** Resend gives a new link and restarts the validity: for pending and expired ones. */
    void requireResendable(Instant now) {
        Status current = statusAt(now);
        if (current != Status.PENDING && current != Status.EXPIRED) {
            throw InvitationRefused.closed();
        }
    }

    /** Editing and cancelling apply to an invitation that can still be accepted. */
    void requireOpen(Instant now) {
        if (!isOpenAt(now)) {
            throw InvitationRefused.closed();
        }
    }
}
