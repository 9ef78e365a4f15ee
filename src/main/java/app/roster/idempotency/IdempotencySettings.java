package app.roster.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param keyLifetime how long a key's first answer is kept and given again; after it the key is free, and a
 *                    request with it runs as a new one
 * @param maxBody     the largest request body accepted with a key (it is held in memory to be hashed and
 *                    passed on); a larger one is refused with 413
 */
@ConfigurationProperties("roster.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration keyLifetime, @DefaultValue("1MB") DataSize maxBody) {
}
