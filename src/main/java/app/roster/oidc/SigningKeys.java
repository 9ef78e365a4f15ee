package app.roster.oidc;

import app.roster.user.SecretEncryption;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that sign ID and access tokens: RS256 (RSA 2048), the one algorithm every OpenID Connect client must
 * accept (OpenID Connect Discovery requires it of providers; ES256 is optional for clients). Kept in the database,
 * the private part encrypted, so that every node signs with the same key and publishes the same set. The newest
 * key signs (once every node publishes it); a retired key stays published for {@link OidcSettings#keyOverlap()} so that tokens it signed still
 * verify, then it is deleted. Nodes read the set at most every {@link #REFRESH}.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Duration PUBLISHED_BEFORE_SIGNING = REFRESH.multipliedBy(2);

    private final JdbcClient jdbc;
    private final SecretEncryption encryption;
    private final OidcSettings settings;
    private final Clock clock;
    private volatile Loaded loaded = new Loaded(new JWKSet(), Instant.MIN);

    private record Loaded(JWKSet set, Instant at) {
    }

    SigningKeys(JdbcClient jdbc, SecretEncryption encryption, OidcSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(current());
    }

    /**
     * The key that signs: the newest one published for at least {@link #PUBLISHED_BEFORE_SIGNING}, so that every node
     * (each reads the set at most every {@link #REFRESH}) publishes a key before any token signed with it exists;
     * the newest of all when none is that old (the first key of a new installation).
     */
    JWK signer(List<JWK> candidates) {
        Instant published = clock.instant().minus(PUBLISHED_BEFORE_SIGNING);
        // A key's issue time has whole seconds: of two made in one second, the later one (the set is in creation order).
        Comparator<JWK> newest = Comparator.comparing(JWK::getIssueTime).thenComparing(candidates::indexOf);
        return candidates.stream().filter(key -> !key.getIssueTime().toInstant().isAfter(published)).max(newest)
                .or(() -> candidates.stream().max(newest)).orElseThrow();
    }

    /** Every published key, public and private parts; the JWK Set endpoint publishes only the public ones. */
    JWKSet current() {
        Loaded now = loaded;
        if (now.at().plus(REFRESH).isBefore(clock.instant()) || now.set().isEmpty()) {
            now = new Loaded(load(), clock.instant());
            loaded = now;
        }
        return now.set();
    }

    /** A new key takes over signing; the previous ones retire (still published until their tokens expire). */
    @Transactional
    public String rotate() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE oidc_signing_keys SET retired_at = ? WHERE retired_at IS NULL").param(Timestamp.from(now)).update();
        String kid = insert(now);
        loaded = new Loaded(new JWKSet(), Instant.MIN);
        return kid;
    }

    /**
     * Rotates when the signing key is older than the rotation period, and forgets keys past their overlap; the
     * new key's id, if it rotated. The retiring update names the due key, so of two nodes at it at once only
     * one rotates: the other's update waits for the first's lock, then finds the key retired.
     */
    @Transactional
    public Optional<String> rotateWhenDue() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM oidc_signing_keys WHERE retired_at < ?").param(Timestamp.from(now.minus(settings.keyOverlap()))).update();
        Instant newest = jdbc.sql("SELECT max(created_at) FROM oidc_signing_keys WHERE retired_at IS NULL")
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (newest == null) {
            return Optional.of(rotate());
        }
        if (newest.plus(settings.keyRotation()).isAfter(now)) {
            return Optional.empty();
        }
        int retired = jdbc.sql("UPDATE oidc_signing_keys SET retired_at = ? "
                        + "WHERE retired_at IS NULL AND created_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(newest)).update();
        if (retired == 0) {
            return Optional.empty();
        }
        String kid = insert(now);
        loaded = new Loaded(new JWKSet(), Instant.MIN);
        return Optional.of(kid);
    }

    /** One published key as the Admin Area lists it: the newest active one signs. */
    public record PublishedKey(String kid, Instant createdAt, Instant retiredAt) {
        public boolean active() {
            return retiredAt == null;
        }
    }

    /** The published keys, newest first. */
    public List<PublishedKey> published() {
        return jdbc.sql("SELECT kid, created_at, retired_at FROM oidc_signing_keys ORDER BY created_at DESC")
                .query((rs, row) -> new PublishedKey(rs.getString("kid"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    private JWKSet load() {
        List<JWK> keys = jdbc.sql("SELECT jwk_encrypted FROM oidc_signing_keys ORDER BY created_at")
                .query(String.class).list().stream().map(this::parse).toList();
        if (keys.isEmpty()) {
            insert(clock.instant());
            return load();
        }
        return new JWKSet(keys);
    }

    private String insert(Instant now) {
        try {
            String kid = UUID.randomUUID().toString();
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(now)).generate();
            jdbc.sql("INSERT INTO oidc_signing_keys (kid, algorithm, jwk_encrypted, created_at) VALUES (?, ?, ?, ?)")
                    .params(kid, "RS256", encryption.encrypt(key.toJSONString()), Timestamp.from(now)).update();
            return kid;
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    private JWK parse(String encrypted) {
        try {
            return JWK.parse(encryption.decrypt(encrypted));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is unreadable", e);
        }
    }
}
