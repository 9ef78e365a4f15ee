package app.roster.shared;

import java.util.Set;

/**
 * Origins besides Roster's own that a Client Area form may end up at: signing in (the login, two-factor, account
 * and consent forms) ends with a redirect to the application that asked, and browsers hold the redirects after a
 * form post to the page's Content-Security-Policy {@code form-action}. Each origin as {@code scheme://host[:port]}.
 */
public interface FormTargets {

    Set<String> origins();
}
