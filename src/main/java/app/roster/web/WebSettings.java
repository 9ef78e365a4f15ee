package app.roster.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shell's settings.
 *
 * @param baseUrl        the public address; every emailed link starts with it, never with the Host header
 * @param productName    shown in the header and emails
 * @param termsUrl       the Terms of Service linked from registration
 * @param trustedProxies addresses whose X-Forwarded-For is believed
 * @param secureCookies  every cookie {@code Secure}, session cookies {@code __Host-}; also so with an https base URL
 */
@ConfigurationProperties("roster")
public record WebSettings(URI baseUrl, @DefaultValue("Roster") String productName, URI termsUrl,
        @DefaultValue List<String> trustedProxies, @DefaultValue Session session, boolean secureCookies) {

    /** Served over HTTPS, possibly behind a TLS-terminating proxy where the request itself looks like plain HTTP. */
    public boolean https() {
        return secureCookies || (baseUrl != null && "https".equalsIgnoreCase(baseUrl.getScheme()));
    }

    /**
     * @param absoluteTimeout a session ends this long after login, however active
     * @param touchInterval   a request writes the session's last-access time back only when the stored one is older
     *                        than this (and never more than a tenth of the idle timeout); changed attributes are
     *                        written at once
     */
    public record Session(@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("60s") Duration touchInterval) {
    }
}
