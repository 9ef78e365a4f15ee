package app.roster.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.stereotype.Component;

/**
 * One session cookie per area: the Client Area and the Admin Area are two sessions in one browser, so a
 * logout, a timeout or a staff "end sessions" of one leaves the other alone, and a staff login and a
 * client login never share a session. The request's path chooses the cookie, the same way the security
 * chains are chosen. Over plain HTTP the admin cookie is also limited to {@code /admin}; over HTTPS both
 * carry the {@code __Host-} prefix, which the browser accepts only with {@code Path=/}, {@code Secure}
 * and no {@code Domain} (so no subdomain can plant or overwrite one).
 */
@Component
class AreaSessionCookies implements HttpSessionIdResolver {

    static final String CLIENT = "ROSTER_SESSION";
    static final String ADMIN = "ROSTER_ADMIN_SESSION";
    static final String HOST_PREFIX = "__Host-";

    private final CookieHttpSessionIdResolver client;
    private final CookieHttpSessionIdResolver admin;
    private final String contextPath;

    AreaSessionCookies(WebSettings settings, ServletContext servletContext) {
        this.contextPath = servletContext.getContextPath();
        boolean https = settings.https();
        this.client = resolver(https, CLIENT, contextPath + "/");
        this.admin = resolver(https, ADMIN, https ? contextPath + "/" : contextPath + "/admin");
    }

    /** The API accepts bearer credentials only: under {@code /api} a session cookie is not even looked at. */
    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        return api(request) ? List.of() : of(request).resolveSessionIds(request);
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        if (!api(request)) {
            of(request).setSessionId(request, response, sessionId);
        }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        of(request).expireSession(request, response);
    }

    /** Whether the request belongs to the Admin Area; an error page belongs to the area of the failed request. */
    boolean adminArea(HttpServletRequest request) {
        String path;
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            path = failed.startsWith(contextPath) ? failed.substring(contextPath.length()) : failed;
        } else {
            path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        }
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    private boolean api(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private CookieHttpSessionIdResolver of(HttpServletRequest request) {
        return adminArea(request) ? admin : client;
    }

    private static CookieHttpSessionIdResolver resolver(boolean https, String name, String path) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName((https ? HOST_PREFIX : "") + name);
        cookie.setCookiePath(path);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // Without it the cookie is Secure only when the request itself is (not behind a TLS proxy).
        if (https) {
            cookie.setUseSecureCookie(true);
        }
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(cookie);
        return resolver;
    }
}
