package app.roster.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring Authorization Server's JDBC authorizations, with every code and token stored as its SHA-256 hash and
 * never as issued: a copy of the database hands out no working refresh token. A lookup hashes the presented
 * value, and the authorization it finds carries that one token as presented again (the server compares values).
 * A stored value is recognised as a hash by its form (64 hexadecimal digits; codes and refresh tokens are 128
 * base64url characters, access and ID tokens JWTs), so that the tokens a lookup did not restore are not hashed
 * twice. It also detects refresh token reuse: the hash of each refresh token replaced by rotation is kept until
 * its expiry, and presenting one again removes the whole authorization, so every token of the grant dies.
 */
final class HashedAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService stored;
    private final JdbcClient jdbc;
    private final Clock clock;

    HashedAuthorizations(OAuth2AuthorizationService stored, JdbcClient jdbc, Clock clock) {
        this.stored = stored;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization hashed = map(authorization, HashedAuthorizations::hashed);
        // Only a grant with a refresh token can have replaced one: client credentials and codes need no lookup.
        OAuth2Authorization before = authorization.getRefreshToken() == null ? null
                : stored.findById(authorization.getId());
        stored.save(hashed);
        rememberReplacedRefreshToken(before, hashed);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        stored.remove(authorization);
        jdbc.sql("DELETE FROM oidc_spent_refresh_tokens WHERE authorization_id = ?").param(authorization.getId())
                .update();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return stored.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType != null && OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            return stored.findByToken(token, tokenType);
        }
        String hash = hash(token);
        OAuth2Authorization found = stored.findByToken(hash, tokenType);
        if (found == null) {
            if (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
                revokeOnReuse(hash);
            }
            return null;
        }
        return map(found, value -> value.getTokenValue().equals(hash) ? withValue(value, token) : value);
    }

    /** A spent refresh token presented again: someone holds a copy, so the grant ends for everyone. */
    private void revokeOnReuse(String hash) {
        Optional<String> authorizationId = jdbc.sql("SELECT authorization_id FROM oidc_spent_refresh_tokens "
                + "WHERE token_hash = ?").param(hash).query(String.class).optional();
        authorizationId.map(stored::findById).ifPresent(this::remove);
    }

    private void rememberReplacedRefreshToken(OAuth2Authorization before, OAuth2Authorization after) {
        if (before == null || before.getRefreshToken() == null) {
            return;
        }
        OAuth2RefreshToken old = before.getRefreshToken().getToken();
        OAuth2Authorization.Token<OAuth2RefreshToken> now = after.getRefreshToken();
        if (now != null && now.getToken().getTokenValue().equals(old.getTokenValue())) {
            return;
        }
        Instant expires = old.getExpiresAt() == null ? clock.instant().plusSeconds(86_400) : old.getExpiresAt();
        jdbc.sql("INSERT INTO oidc_spent_refresh_tokens (token_hash, authorization_id, expires_at) VALUES (?, ?, ?)")
                .params(old.getTokenValue(), before.getId(), Timestamp.from(expires)).update();
    }

    /** Forgets spent refresh tokens past their expiry: presenting one fails as expired anyway. */
    int forgetExpired() {
        return jdbc.sql("DELETE FROM oidc_spent_refresh_tokens WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    private static OAuth2Authorization map(OAuth2Authorization authorization, UnaryOperator<OAuth2Token> change) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
        for (Class<? extends OAuth2Token> type : java.util.List.of(OAuth2AuthorizationCode.class,
                OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null) {
                OAuth2Token changed = change.apply(token.getToken());
                if (changed != token.getToken()) {
                    builder.token(changed, metadata -> metadata.putAll(token.getMetadata()));
                }
            }
        }
        return builder.build();
    }

    private static OAuth2Token hashed(OAuth2Token token) {
        return isHash(token.getTokenValue()) ? token : withValue(token, hash(token.getTokenValue()));
    }

    static boolean isHash(String value) {
        return value.length() == 64 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    static String hash(String value) {
        return ClientSecrets.hash(value);
    }

    private static OAuth2Token withValue(OAuth2Token token, String value) {
        return switch (token) {
            case OAuth2AccessToken access -> new OAuth2AccessToken(access.getTokenType(), value, access.getIssuedAt(),
                    access.getExpiresAt(), access.getScopes());
            case OAuth2RefreshToken refresh -> new OAuth2RefreshToken(value, refresh.getIssuedAt(),
                    refresh.getExpiresAt());
            case OidcIdToken id -> new OidcIdToken(value, id.getIssuedAt(), id.getExpiresAt(), id.getClaims());
            case OAuth2AuthorizationCode code -> new OAuth2AuthorizationCode(value, code.getIssuedAt(),
                    code.getExpiresAt());
            default -> throw new IllegalArgumentException("Not a token this server issues: " + token.getClass());
        };
    }

}
