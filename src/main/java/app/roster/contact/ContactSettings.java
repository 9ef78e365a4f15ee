package app.roster.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireConfirmation            whether a contact receives notifications only once they confirmed the
 *                                       address (when false, unconfirmed contacts receive too)
 * @param confirmationValidity           how long a confirmation link works
 * @param maxConfirmationsPerAccountHour confirmation emails one account may cause per hour, so that Roster
 *                                       cannot be used to mail strangers in bulk
 */
@ConfigurationProperties("roster.contacts")
public record ContactSettings(@DefaultValue("true") boolean requireConfirmation,
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("30") int maxConfirmationsPerAccountHour) {
}
