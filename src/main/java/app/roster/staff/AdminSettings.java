package app.roster.staff;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Admin Area's settings.
 *
 * @param email             the first staff member's address (ROSTER_ADMIN_EMAIL); blank prints a setup link instead
 * @param setupLinkValidity how long a set-password link for staff stays usable
 * @param requireTwoFactor  every staff member must use TOTP; those without are sent to enrol on every page
 */
@ConfigurationProperties("roster.admin")
public record AdminSettings(String email, @DefaultValue("24h") Duration setupLinkValidity,
        @DefaultValue("true") boolean requireTwoFactor) {

    /** The configured first staff address; a malformed one stops the startup rather than being ignored. */
    public Optional<EmailAddress> firstStaffEmail() {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.of(email));
        } catch (InvalidEmailAddressException e) {
            throw new IllegalStateException("roster.admin.email (ROSTER_ADMIN_EMAIL) is not a valid email address");
        }
    }
}
