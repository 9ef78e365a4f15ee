package app.roster.idempotency;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys older than their lifetime, every hour. Two nodes running it at once delete the same rows,
 * which harms nothing, so it takes no lock; a claim finds an expired row that is still there and replaces it.
 */
@Component
class ForgetExpiredKeys {

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final Clock clock;

    ForgetExpiredKeys(IdempotencyKeys keys, IdempotencySettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void run() {
        keys.forgetCreatedBefore(clock.instant().minus(settings.keyLifetime()));
    }
}
