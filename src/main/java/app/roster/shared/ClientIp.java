package app.roster.shared;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The client's IP address as resolved once per request by the web shell (trusted proxies only). */
public record ClientIp(String value) {

    public static final String REQUEST_ATTRIBUTE = ClientIp.class.getName();

    /** The current request's client IP, or empty outside a request (scheduled jobs). */
    public static Optional<ClientIp> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Object ip = attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return ip instanceof ClientIp clientIp ? Optional.of(clientIp) : Optional.empty();
    }
}
