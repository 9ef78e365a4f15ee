package app.roster.oidc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect provider's settings.
 *
 * @param accessTokenTtl      how long an access token (a JWT, checked without asking Roster) is valid
 * @param idTokenTtl          how long an ID token is valid
 * @param refreshTokenTtl     how long a refresh token is valid; each use replaces it
 * @param authorizationCodeTtl how long an authorization code may wait for its exchange
 * @param keyRotation         how often a new signing key takes over
 * @param secretGrace         how long a client's previous secret keeps working after a rotation
 * @param logoutAttempts      how many times a back-channel logout is posted before it is given up (and audited)
 * @param logoutRetry         the wait after a back-channel logout's first failed attempt; it doubles, up to an hour
 */
@ConfigurationProperties("roster.oidc")
public record OidcSettings(@DefaultValue("5m") Duration accessTokenTtl, @DefaultValue("5m") Duration idTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("2m") Duration authorizationCodeTtl,
        @DefaultValue("90d") Duration keyRotation, @DefaultValue("1d") Duration secretGrace,
        @DefaultValue("10") int logoutAttempts, @DefaultValue("30s") Duration logoutRetry) {

    /** When to post a back-channel logout again after this many failed attempts (1 for the first failure). */
    java.time.Instant nextLogoutAttempt(java.time.Instant now, int attempts) {
        Duration delay = logoutRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return now.plus(delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay);
    }

    /** How long a retired key stays published: until the last token it signed has expired, with a margin. */
    Duration keyOverlap() {
        return (accessTokenTtl.compareTo(idTokenTtl) > 0 ? accessTokenTtl : idTokenTtl).plusMinutes(5);
    }
}
