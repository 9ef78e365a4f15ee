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
 */
@ConfigurationProperties("roster")
public record WebSettings(URI baseUrl, @DefaultValue("Roster") String productName, URI termsUrl,
        @DefaultValue List<String> trustedProxies, @DefaultValue Session session) {

    public record Session(@DefaultValue("12h") Duration absoluteTimeout) {
    }
}
