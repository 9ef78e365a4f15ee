package app.roster.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many unknown or tampered emailed-link tokens one client IP may try within the window before every
 * link answers 429 to it.
 */
@ConfigurationProperties("roster.links")
public record LinkSettings(@DefaultValue("20") int maxFailuresPerIp, @DefaultValue("1h") Duration window) {
}
