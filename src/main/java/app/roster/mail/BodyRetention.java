package app.roster.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the bodies of old delivered (and given-up) messages: they hold verification and reset links,
 * which must not sit in the database longer than needed. Subject, recipient and dates stay as a record.
 */
@Component
class BodyRetention {

    private static final Logger log = LoggerFactory.getLogger(BodyRetention.class);

    private final Outbox outbox;
    private final Duration retention;
    private final Clock clock;

    BodyRetention(Outbox outbox, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.retention = settings.bodyRetention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void redactOldBodies() {
        Instant now = clock.instant();
        int redacted = outbox.redactBefore(now.minus(retention), now);
        if (redacted > 0) {
            log.info("Removed the bodies of {} mails older than {}", redacted, retention);
        }
    }
}
