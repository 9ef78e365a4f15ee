package app.roster.invitation;

import java.time.Instant;

/**
 * What the accept page may show about a link: the account, who invited, the invited address partly
 * masked, and whether it can still be accepted. The full address only pre-fills the Register form of the
 * link's holder (who may change it: any address may accept).
 */
public record InvitationView(long invitationId, long accountId, String accountName, String inviterName,
        String maskedEmail, State state, Instant expiresAt, String allowedDomains, String invitedEmail) {

    /** ACCOUNT_CLOSED: still pending, but the account is closed; it works again if staff reopen it. */
    public enum State { OPEN, EXPIRED, ACCEPTED, CANCELLED, REPLACED, ACCOUNT_CLOSED }

    public boolean open() {
        return state == State.OPEN;
    }
}
