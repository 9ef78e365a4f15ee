package app.roster.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The email log never shows a working one-time link; durations read as people write them. */
class EmailMaskingTest {

    @Test
    void everyTokenValueIsMasked() {
        String body = """
                Verify: https://roster.example/verify-email?token=AbC-123_x
                Join: https://roster.example/invitations/accept?lang=fr&TOKEN=zzz&x=1
                Unsubscribe: <https://roster.example/contacts/unsubscribe?token=qq>""";
        String masked = EmailLogController.masked(body);
        assertThat(masked).doesNotContain("AbC-123_x", "zzz", "qq>")
                .contains("verify-email?token=…\n", "TOKEN=…&x=1", "unsubscribe?token=…>");
    }

    @Test
    void durationsUseTheLargestWholeUnit() {
        DurationText text = new DurationText();
        assertThat(text.of(Duration.ofDays(7))).isEqualTo("7 d");
        assertThat(text.of(Duration.ofHours(72))).isEqualTo("72 h");
        assertThat(text.of(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(text.of(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(text.of(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(text.of(null)).isEqualTo("—");
    }
}
