package app.roster.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many failed logins an address and an IP may have within the window, in either area. */
@ConfigurationProperties("roster.login")
public record LoginSettings(@DefaultValue("10") int maxAttemptsPerEmail, @DefaultValue("50") int maxAttemptsPerIp,
        @DefaultValue("15m") Duration window) {
}
