package app.roster.invitation;

/**
 * An invitation as the API lists it: its status now (a pending one past its expiry is EXPIRED before the job
 * marks it), and the inviting user's name, null when staff sent it or the user is gone.
 */
public record ListedInvitation(Invitation invitation, Invitation.Status status, String inviterName) {
}
