package app.roster.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0, section 2.4), signed like ID tokens by the newest key:
 * type {@code logout+jwt}, the client as audience, the user id as {@code sub}, the session's {@code sid} when one
 * session ended, the back-channel logout event, and never a {@code nonce} (so that no logout token passes for an
 * ID token). Valid for two minutes: long enough for clock skew, too short to be worth replaying.
 */
@Component
class LogoutTokens {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final Duration VALIDITY = Duration.ofMinutes(2);

    private final JwtEncoder encoder;
    private final AuthorizationServerSettings server;
    private final Clock clock;

    LogoutTokens(JwtEncoder encoder, AuthorizationServerSettings server, Clock clock) {
        this.encoder = encoder;
        this.server = server;
        this.clock = clock;
    }

    String sign(LogoutOutbox.PendingLogout logout) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(server.getIssuer())
                .audience(List.of(logout.clientId()))
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY))
                .id(logout.jti())
                .subject(logout.subject())
                .claim("events", Map.of(EVENT, new HashMap<>()));
        if (logout.sid() != null) {
            claims.claim("sid", logout.sid());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
