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
 */
@ConfigurationProperties("roster.oidc")
public record OidcSettings(@DefaultValue("5m") Duration accessTokenTtl, @DefaultValue("5m") Duration idTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue("2m") Duration authorizationCodeTtl,
        @DefaultValue("90d") Duration keyRotation, @DefaultValue("1d") Duration secretGrace) {

    /** How long a retired key stays published: until the last token it signed has expired, with a margin. */
    Duration keyOverlap() {
        return (accessTokenTtl.compareTo(idTokenTtl) > 0 ? accessTokenTtl : idTokenTtl).plusMinutes(5);
    }
}
