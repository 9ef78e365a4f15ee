package app.roster.security;

import app.roster.shared.Actor;
import app.roster.shared.ClientIp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refusals that change nothing and so leave no audit entry, yet are what probing looks like: an id outside the
 * account (404), a missing or wrong CSRF token, a link token that matches no link, a rate limit reached. Each is
 * one line on the {@code roster.security} logger, always in the shape
 * {@code security event kind=… actor=… ip=… method=… route=…} (plus {@code link=…} or {@code limit=…}), and one
 * increment of the counter {@code roster.security.events} tagged with the kind.
 *
 * <p>Never logged: a token, a query string, an email address. The route is the mapped template
 * ({@code /users/{userId}/permissions}) when there is one, else the path without its query or path parameters.
 */
@Component
public class SecurityEvents {

    public static final String METER = "roster.security.events";

    /** The kinds, as they appear in the log line and the counter's {@code kind} tag. */
    public enum Kind {
        NOT_FOUND("not_found"), CSRF_REFUSED("csrf_refused"), UNKNOWN_TOKEN("unknown_token"), THROTTLED("throttled");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private static final Logger log = LoggerFactory.getLogger("roster.security");
    private static final int MAX_ROUTE = 200;

    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    SecurityEvents(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            counters.put(kind, Counter.builder(METER).tag("kind", kind.tag())
                    .description("Refused requests that point at probing: 404s, CSRF, unknown link tokens, rate limits")
                    .register(registry));
        }
    }

    /** An id of another account, or one that does not exist, on a route that looks it up. */
    public void notFound() {
        record(Kind.NOT_FOUND, null, current());
    }

    /** A state-changing request without the right CSRF token. */
    public void csrfRefused(HttpServletRequest request) {
        record(Kind.CSRF_REFUSED, null, request);
    }

    /** A link token no stored link has: tampered, truncated or made up. {@code link} names the kind of link. */
    public void unknownToken(String link) {
        record(Kind.UNKNOWN_TOKEN, "link=" + printable(link), current());
    }

    /** A rate limit refused a request; only the bucket's kind is logged, never the address or id in it. */
    public void throttled(String bucket) {
        record(Kind.THROTTLED, "limit=" + printable(limitOf(bucket)), current());
    }

    private void record(Kind kind, String detail, HttpServletRequest request) {
        counters.get(kind).increment();
        String ip = ClientIp.current().map(ClientIp::value)
                .orElse(request == null ? "-" : request.getRemoteAddr());
        String method = request == null ? "-" : printable(request.getMethod());
        String route = request == null ? "-" : route(request);
        String actor = actor();
        log.atWarn().addKeyValue("kind", kind.tag()).addKeyValue("actor", actor).addKeyValue("ip", ip)
                .addKeyValue("method", method).addKeyValue("route", route)
                .log("security event kind={} actor={} ip={} method={} route={}{}", kind.tag(), actor, ip, method,
                        route, detail == null ? "" : " " + detail);
    }

    /** {@code user:12}, {@code staff:3}, or {@code anonymous}: never a name or an address. */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor.Principal actor) {
            return actor.actorType().name().toLowerCase(Locale.ROOT) + ":" + actor.actorId();
        }
        return "anonymous";
    }

    private static String route(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return printable(pattern);
        }
        String path = request.getRequestURI();
        int parameters = path.indexOf(';');
        return printable(parameters < 0 ? path : path.substring(0, parameters));
    }

    /** "reset:email:someone@example.com" → "reset:email". */
    private static String limitOf(String bucket) {
        String[] parts = bucket == null ? new String[0] : bucket.split(":", 3);
        return parts.length < 2 ? String.valueOf(bucket) : parts[0] + ":" + parts[1];
    }

    /** What reaches the log is plain visible ASCII, so that no request can forge or break a log line. */
    private static String printable(String text) {
        if (text == null) {
            return "-";
        }
        String visible = text.replaceAll("[^\\x21-\\x7e]", "?");
        return visible.length() > MAX_ROUTE ? visible.substring(0, MAX_ROUTE) : visible;
    }

    private static HttpServletRequest current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
