package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The SSRF rules without a network: which addresses and URLs are refused, and what the allow-list opens. */
class TargetAddressesTest {

    private static WebhookSettings settings(boolean allowHttp, List<String> allowed) {
        return new WebhookSettings(Duration.ofSeconds(2), allowHttp, allowed, Duration.ofDays(3),
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
                DataSize.ofKilobytes(64), Duration.ofHours(24), Duration.ofDays(30));
    }

    private final TargetAddresses strict = new TargetAddresses(settings(false, List.of()));

    @Test
    void refusesLoopbackPrivateLinkLocalMetadataAndReservedAddresses() throws Exception {
        for (String address : List.of("127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "224.0.0.1", "::1", "::",
                "fe80::1", "fd00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "64:ff9b::a00:1")) {
            assertThat(strict.acceptable(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        for (String address : List.of("93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111")) {
            assertThat(strict.acceptable(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theAllowListOpensOnlyWhatItNames() throws Exception {
        TargetAddresses allowing = new TargetAddresses(settings(false, List.of("127.0.0.1", "10.20.0.0/16")));
        assertThat(allowing.acceptable(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(allowing.acceptable(InetAddress.getByName("10.20.3.4"))).isTrue();
        assertThat(allowing.acceptable(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(allowing.acceptable(InetAddress.getByName("10.21.0.1"))).isFalse();
    }

    @Test
    void httpsOnlyUnlessHttpIsAllowed() throws Exception {
        assertThatThrownBy(() -> strict.parse("http://example.com/hooks")).isInstanceOf(TargetAddresses.Refused.class);
        assertThat(strict.parse("https://example.com/hooks")).isEqualTo(URI.create("https://example.com/hooks"));
        assertThat(new TargetAddresses(settings(true, List.of())).parse("http://example.com/x")).isNotNull();
        assertThatThrownBy(() -> strict.parse("https://a:b@example.com/")).isInstanceOf(TargetAddresses.Refused.class);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() {
        assertThatThrownBy(() -> strict.resolve(URI.create("https://localhost/hooks")))
                .isInstanceOf(TargetAddresses.Refused.class);
    }

    @Test
    void backoffDoublesWithJitterAndGivesUpAfterTheRetryPeriod() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(backoff.nextAttemptAt(now, 1)).isBetween(now.plusSeconds(15), now.plusSeconds(30));
        assertThat(backoff.nextAttemptAt(now, 3)).isBetween(now.plusSeconds(60), now.plusSeconds(120));
        assertThat(backoff.nextAttemptAt(now, 40)).isBetween(now.plusSeconds(1800), now.plusSeconds(3600));
        assertThat(backoff.exhausted(now, now.plus(Duration.ofDays(3)).minusSeconds(1))).isFalse();
        assertThat(backoff.exhausted(now, now.plus(Duration.ofDays(3)))).isTrue();
    }
}
