package app.roster.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail module's settings.
 *
 * @param from          the From header, e.g. {@code Roster <no-reply@example.com>}
 * @param pollInterval  how often the dispatcher looks for due messages
 * @param maxAttempts   delivery attempts before a message is given up as FAILED
 * @param bodyRetention how long the bodies of delivered messages are kept; they hold links
 */
@ConfigurationProperties("roster.mail")
public record MailSettings(@DefaultValue("Roster <no-reply@localhost>") String from,
        @DefaultValue("2s") Duration pollInterval, @DefaultValue("10") int maxAttempts,
        @DefaultValue("7d") Duration bodyRetention) {
}
