package app.roster.invitation.web;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The invitation token, swapped out of the link into the session so it leaves the address bar, the
 * history and Referer headers. It stays until the invitation reaches a final outcome.
 */
final class AcceptSessionToken {

    private static final String KEY = AcceptSessionToken.class.getName();
    /** Real tokens are far shorter; anything longer is not worth keeping in a session. */
    private static final int MAX_LENGTH = 100;

    private AcceptSessionToken() {
    }

    static void store(HttpSession session, String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            session.removeAttribute(KEY);
        } else {
            session.setAttribute(KEY, token);
        }
    }

    static Optional<String> of(HttpSession session) {
        return session != null && session.getAttribute(KEY) instanceof String token ? Optional.of(token)
                : Optional.empty();
    }

    static void clear(HttpSession session) {
        session.removeAttribute(KEY);
    }
}
