package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of calls reads a credential's row once; a revocation on this node forgets it at once. */
class CredentialCacheTest {

    private final CredentialCache cache = new CredentialCache();
    private final AtomicInteger reads = new AtomicInteger();
    private final Credential key = Credential.generate(Credential.Kind.API_KEY);

    private Optional<CredentialCache.Entry<String>> get(Credential credential, Optional<String> row) {
        return cache.get(credential, keyId -> {
            reads.incrementAndGet();
            return row;
        }, stored -> null);
    }

    @Test
    void aRowIsReadOnceAndForgottenWhenACredentialIsRevoked() {
        assertThat(get(key, Optional.of("row"))).map(CredentialCache.Entry::stored).contains("row");
        get(key, Optional.of("row"));
        assertThat(reads).as("held").hasValue(1);

        cache.on(new CredentialEvents.ApiKeyRevoked(1, "key", null));
        get(key, Optional.of("row"));
        assertThat(reads).as("read again after a revocation").hasValue(2);

        Credential token = Credential.generate(Credential.Kind.TOKEN);
        get(token, Optional.of("token"));
        cache.on(new CredentialEvents.TokenRevoked(1, 2, 3, "token", "user", null));
        get(token, Optional.of("token"));
        assertThat(reads).hasValue(4);
    }

    @Test
    void anUnknownKeyIdIsNotHeldSoAKeyCreatedElsewhereOpensAtOnce() {
        assertThat(get(key, Optional.empty())).isEmpty();
        assertThat(get(key, Optional.of("created on another node"))).isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    void theLastUseIsClaimedByOneCallerAMinute() {
        CredentialCache.Entry<String> entry = get(key, Optional.of("row")).orElseThrow();
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        assertThat(entry.claimLastUse(now, now.minusSeconds(60))).isTrue();
        assertThat(entry.claimLastUse(now.plusSeconds(30), now.minusSeconds(30))).as("fresh: no write").isFalse();
        assertThat(entry.claimLastUse(now.plusSeconds(61), now.plusSeconds(1))).isTrue();
    }
}
