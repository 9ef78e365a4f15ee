package app.roster.user;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;

/**
 * What a person types to sign up, already checked for form errors. {@code opensAccount} is false when
 * they sign up to accept an invitation: they join someone else's account and get no client account of
 * their own. {@code companyName} (optional) names the account that a plain sign-up opens.
 */
public record Registration(String firstName, String lastName, EmailAddress email, String password,
        Language language, boolean opensAccount, String companyName) {

    /** A sign-up without a company name; {@code opensAccount} as above. */
    public Registration(String firstName, String lastName, EmailAddress email, String password, Language language,
            boolean opensAccount) {
        this(firstName, lastName, email, password, language, opensAccount, null);
    }

    /** A plain sign-up, which opens a client account for the new user. */
    public Registration(String firstName, String lastName, EmailAddress email, String password, Language language) {
        this(firstName, lastName, email, password, language, true);
    }
}
