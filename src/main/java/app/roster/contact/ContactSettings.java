package app.roster.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireConfirmation whether a contact receives notifications only once they confirmed the address
 *                            (when false, unconfirmed contacts receive too)
 */
@ConfigurationProperties("roster.contacts")
public record ContactSettings(@DefaultValue("true") boolean requireConfirmation) {
}
