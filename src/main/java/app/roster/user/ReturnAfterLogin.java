package app.roster.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Where a login goes back to: the page that asked for it explicitly (the invitation accept page, an OpenID
 * Connect authorization), else the page the visitor was sent to log in for (a deep link), else the start page,
 * which then offers the account chooser. Only a local path is kept, so it can never send anyone to another
 * site; it survives the session id change at login and the two-factor step, and is used once.
 */
@Component
public class ReturnAfterLogin {

    static final String SESSION_KEY = ReturnAfterLogin.class.getName();
    private static final String LANDED = ReturnAfterLogin.class.getName() + ".LANDED";

    /** Spring Security's own cache of the request that needed a login (the Client Area chain's default). */
    private final RequestCache savedRequests = new HttpSessionRequestCache();
    private final ObjectProvider<StartPage> startPage;

    ReturnAfterLogin(ObjectProvider<StartPage> startPage) {
        this.startPage = startPage;
    }

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

    /**
     * The local path to go to after a completed login: the remembered one, else the saved request's, else the
     * start page: with the user's only account already selected, or marked as reached from a login (see
     * {@link #landedFromLogin}) for a user who must choose.
     */
    public String next(HttpServletRequest request, HttpServletResponse response, SignedInUser user) {
        Optional<String> saved = takeSavedRequest(request, response);
        Optional<String> next = take(request).or(() -> saved);
        if (next.isPresent()) {
            return next.get();
        }
        HttpSession session = request.getSession();
        StartPage start = startPage.getIfAvailable();
        if (start == null || !start.selectOnlyAccount(session, user)) {
            session.setAttribute(LANDED, Boolean.TRUE);
        }
        return "/";
    }

    /** True once after a login that went to the start page: the moment a user of several accounts picks one. */
    public boolean landedFromLogin(HttpSession session) {
        if (session == null || session.getAttribute(LANDED) == null) {
            return false;
        }
        session.removeAttribute(LANDED);
        return true;
    }

    /** A GET that needed a login, as a local path (never the request's host); the start page counts as none. */
    private Optional<String> takeSavedRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        if (saved == null) {
            return Optional.empty();
        }
        savedRequests.removeRequest(request, response);
        if (!(saved instanceof DefaultSavedRequest defaults)
                || !"GET".equals(defaults.getMethod())) {
            return Optional.empty();
        }
        String uri = defaults.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        String query = defaults.getQueryString();
        String local = query == null ? path : path + "?" + query;
        return isLocal(local) && !path.equals("/") && !path.isEmpty() ? Optional.of(local) : Optional.empty();
    }

    /** The path if it stays on this site (one leading "/", no backslash, no control character); else empty. */
    public Optional<String> local(String path) {
        return isLocal(path) ? Optional.of(path) : Optional.empty();
    }

    private static boolean isLocal(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20);
    }
}
