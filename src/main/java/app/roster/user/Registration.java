package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;

/** What a person types to sign up, already checked for form errors. */
public record Registration(String firstName, String lastName, EmailAddress email, String password,
        Language language) {
}
