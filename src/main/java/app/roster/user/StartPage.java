package app.roster.user;

import jakarta.servlet.http.HttpSession;

/**
 * Readies the start page for a login that goes there. The membership module selects a user's only account in the
 * login's own response, so the first page after it is the account's, not a redirect that picks it.
 */
public interface StartPage {

    /** True when the session now has the account the start page shows; false when the user must choose. */
    boolean selectOnlyAccount(HttpSession session, SignedInUser user);
}
