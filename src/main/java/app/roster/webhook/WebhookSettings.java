package app.roster.webhook;

import app.roster.shared.AddressRange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The webhook module's settings.
 *
 * @param pollInterval     how often the sender looks for due deliveries (read once at startup)
 * @param allowHttp        accept {@code http://} endpoint URLs: for development only
 * @param allowedAddresses addresses or CIDR ranges an endpoint may resolve to although they are loopback,
 *                         private, link-local or metadata addresses (a receiver on the same host, in tests)
 * @param retryFor         how long a failing delivery is retried before its endpoint is disabled
 * @param firstRetry       the delay after the first failure; it doubles with each further one
 * @param maxRetryDelay    the longest delay between two attempts
 * @param connectTimeout   to open the connection (TLS handshake included)
 * @param totalTimeout     for the whole attempt, the response included
 * @param maxResponseSize  how much of a response is read; the rest is ignored
 * @param rotationGrace    how long the previous secret keeps signing after a rotation
 * @param retention        how long an event is kept once none of its deliveries is still pending: the delivery
 *                         log's reach, and how far back "redeliver since" can go
 */
@ConfigurationProperties("roster.webhooks")
public record WebhookSettings(@DefaultValue("2s") Duration pollInterval, @DefaultValue("false") boolean allowHttp,
        @DefaultValue List<String> allowedAddresses, @DefaultValue("3d") Duration retryFor,
        @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration totalTimeout,
        @DefaultValue("64KB") DataSize maxResponseSize, @DefaultValue("24h") Duration rotationGrace,
        @DefaultValue("30d") Duration retention) {

    /**
     * The oldest event "Redeliver" still reaches: the retention less a margin of an hour (the retention runs
     * hourly), so an event is never deleted by the retention while it is being queued again.
     */
    public Instant redeliverableFrom(Instant now) {
        Duration margin = retention.compareTo(Duration.ofHours(2)) < 0 ? retention.dividedBy(2) : Duration.ofHours(1);
        return now.minus(retention).plus(margin);
    }

    /** An empty variable is no entry; a wrong entry stops the start rather than silently allowing nothing. */
    public WebhookSettings {
        allowedAddresses = allowedAddresses.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        allowedAddresses.forEach(AddressRange::required);
    }
}
