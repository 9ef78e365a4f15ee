package app.roster.user;

import java.util.Locale;

/** Someone tried to register with a taken address: its owner is told by email, the page says nothing. */
public record RegistrationAttemptedForExistingEmail(long userId, String email, String firstName, Locale language,
        String loginLink, String resetLink) {
}
