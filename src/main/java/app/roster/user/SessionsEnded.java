package app.roster.user;

/**
 * A user's sessions ended on the server: one session (logout, or one ended from the profile page), or every one of
 * them ({@code sessionId} null: a password change or reset, a disabled or deleted user, staff "end sessions").
 * Published in the transaction of the change, so that what listens (the back-channel logouts of the applications
 * the user signed in to) commits with it. Not audited here: each use case audits what it did.
 */
public record SessionsEnded(long userId, String sessionId) {

    static SessionsEnded all(long userId) {
        return new SessionsEnded(userId, null);
    }

    /** Every session of the user, not one: the applications end every session of theirs too. */
    public boolean everywhere() {
        return sessionId == null;
    }
}
