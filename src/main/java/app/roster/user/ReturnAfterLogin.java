package app.roster.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a login goes back to when a page asked for it explicitly (the invitation accept page), instead of
 * the start page. Only a local path is kept, so it can never send anyone to another site; it survives the
 * session id change at login and the two-factor step, and is used once.
 */
@Component
public class ReturnAfterLogin {

    static final String SESSION_KEY = ReturnAfterLogin.class.getName();

    /** Remembers a local path (starting with one "/") for the next completed login in this session. */
    public void remember(HttpSession session, String path) {
        if (!isLocal(path)) {
            throw new IllegalArgumentException("Not a local path");
        }
        session.setAttribute(SESSION_KEY, path);
    }

    public void forget(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
    }

    /** The remembered path, removed from the session; empty when no page asked. */
    Optional<String> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof String path)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_KEY);
        return isLocal(path) ? Optional.of(path) : Optional.empty();
    }

    /** The remembered path, left in the session: where a failed login from that page goes back to. */
    Optional<String> peek(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_KEY) instanceof String path && isLocal(path)
                ? Optional.of(path) : Optional.empty();
    }

    /** The local path to go to after a completed login: the remembered one, or the start page. */
    public String next(HttpServletRequest request) {
        return take(request).orElse("/");
    }

    private static boolean isLocal(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20);
    }
}
