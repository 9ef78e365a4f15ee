package app.roster.api;

import java.util.Optional;

/**
 * Turns the bearer credential of an API request into its caller; implemented by the credential module. Empty
 * for anything that does not open the API: malformed, unknown, wrong secret, expired, revoked, from an address
 * the key does not allow, or a token whose user is disabled or no longer in its account.
 */
public interface ApiCredentials {

    Optional<ApiCaller> authenticate(String bearer, String clientIp);
}
