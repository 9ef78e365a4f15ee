package app.roster.account;

/**
 * Whether a client account's users may use it. Stored by name in {@code accounts.status}; the membership module
 * reads {@code 'ACTIVE'} in its SQL, and the Admin Area shows the name through {@code admin.status.*} messages.
 */
public enum AccountStatus {
    ACTIVE,
    /** Closed by staff: nothing is taken away, but nobody gets in until it is reopened. */
    CLOSED
}
