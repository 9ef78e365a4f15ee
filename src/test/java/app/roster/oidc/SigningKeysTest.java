package app.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which key signs: a new key only once every node has had the time to publish it. */
class SigningKeysTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    final OidcSettings settings = new OidcSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(30),
            Duration.ofMinutes(2), Duration.ofDays(90), Duration.ofDays(1), 10, Duration.ofSeconds(30));
    final SigningKeys keys = new SigningKeys(null, null, settings, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aKeyJustCreatedWaitsWhileAnOlderOneKeepsSigning() throws Exception {
        JWK old = key("old", NOW.minus(Duration.ofDays(90)));
        JWK fresh = key("fresh", NOW.minusSeconds(10));

        assertThat(keys.signer(List.of(fresh, old)).getKeyID()).isEqualTo("old");
    }

    @Test
    void aKeyPublishedLongEnoughSigns() throws Exception {
        JWK old = key("old", NOW.minus(Duration.ofDays(90)));
        JWK published = key("published", NOW.minus(SigningKeys.PUBLISHED_BEFORE_SIGNING));

        assertThat(keys.signer(List.of(old, published)).getKeyID()).isEqualTo("published");
    }

    @Test
    void theOnlyKeyOfANewInstallationSignsAtOnce() throws Exception {
        assertThat(keys.signer(List.of(key("first", NOW))).getKeyID()).isEqualTo("first");
    }

    @Test
    void ofTwoKeysMadeInOneSecondTheLaterSigns() throws Exception {
        JWK first = key("first", NOW);
        JWK rotated = key("rotated", NOW);

        assertThat(keys.signer(List.of(first, rotated)).getKeyID()).isEqualTo("rotated");
    }

    @Test
    void retiredKeysStayPublishedForTheLongestTokenLifetimeAndAMargin() {
        assertThat(settings.keyOverlap()).isEqualTo(Duration.ofMinutes(10));
    }

    private static JWK key(String kid, Instant created) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).issueTime(Date.from(created)).generate();
    }
}
