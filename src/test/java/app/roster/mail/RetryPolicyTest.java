package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.of(new MailSettings("x@example.com", Duration.ofSeconds(2), 10,
            Duration.ofDays(7)));
    private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void theDelayStartsAtThirtySecondsAndDoubles() {
        assertThat(policy.nextAttemptAt(now, 1)).isEqualTo(now.plusSeconds(30));
        assertThat(policy.nextAttemptAt(now, 2)).isEqualTo(now.plusSeconds(60));
        assertThat(policy.nextAttemptAt(now, 5)).isEqualTo(now.plusSeconds(480));
    }

    @Test
    void theDelayNeverExceedsAnHour() {
        assertThat(policy.nextAttemptAt(now, 8)).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(policy.nextAttemptAt(now, 1000)).isEqualTo(now.plus(Duration.ofHours(1)));
    }

    @Test
    void aMessageIsGivenUpAtTheMaximumNumberOfAttempts() {
        assertThat(policy.exhausted(9)).isFalse();
        assertThat(policy.exhausted(10)).isTrue();
    }

    @Test
    void theErrorTextIsShortAndNamesTheRootCause() {
        var error = new IllegalStateException("outer", new java.net.ConnectException("refused\nsecond line"));
        assertThat(OutboxDispatcher.describe(error)).isEqualTo("ConnectException: refused");
        assertThat(OutboxDispatcher.describe(new RuntimeException("x".repeat(1000)))).hasSize(300);
    }
}
