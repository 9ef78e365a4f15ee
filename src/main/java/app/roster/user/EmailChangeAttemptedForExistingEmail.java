package app.roster.user;

import java.util.Locale;

/**
 * Someone tried to move their login to an address that is a user already: that user is told by email, the
 * one who asked is answered as for a free address.
 */
public record EmailChangeAttemptedForExistingEmail(long userId, String email, String firstName, Locale language,
        String loginLink, String resetLink) {
}
