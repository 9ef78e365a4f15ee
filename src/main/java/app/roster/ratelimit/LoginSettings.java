package app.roster.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many login attempts an address, an IP and a known browser may make within the window, in either area.
 *
 * @param maxAttemptsPerKnownDevice the own budget of a browser that logged in as the address before, which
 *                                  failures from elsewhere do not use up
 * @param knownDeviceLifetime       how long a browser stays known after its last successful login
 */
@ConfigurationProperties("roster.login")
public record LoginSettings(@DefaultValue("10") int maxAttemptsPerEmail, @DefaultValue("50") int maxAttemptsPerIp,
        @DefaultValue("15m") Duration window, @DefaultValue("5") int maxAttemptsPerKnownDevice,
        @DefaultValue("180d") Duration knownDeviceLifetime) {
}
