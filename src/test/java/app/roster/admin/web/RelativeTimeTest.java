package app.roster.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T13:50:00Z");

    private final RelativeTime times = new RelativeTime(Clock.fixed(NOW, ZoneOffset.UTC), bundle());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-3        | en | just now",
        "-1        | en | just now",
        "-10       | en | 10 seconds ago",
        "-59       | en | 59 seconds ago",
        "-60       | en | 1 minute ago",
        "-150      | en | 2 minutes ago",
        "-3600     | en | 1 hour ago",
        "-7199     | en | 1 hour ago",
        "-86399    | en | 23 hours ago",
        "-86400    | en | 1 day ago",
        "-259200   | en | 3 days ago",
        "-5184000  | en | 2 months ago",
        "-31536000 | en | 1 year ago",
        "5         | en | in 5 seconds",
        "1         | en | in 1 second",
        "120       | en | in 2 minutes",
        "3600      | en | in 1 hour",
        "518400    | en | in 6 days",
        "-3600     | de | vor 1 Stunde",
        "-259200   | de | vor 3 Tagen",
        "-30       | de | vor 30 Sekunden",
        "604800    | de | in 7 Tagen",
        "-2        | de | gerade eben",
        "-3600     | fr | il y a 1 heure",
        "-600      | fr | il y a 10 minutes",
        "172800    | fr | dans 2 jours",
        "-2        | fr | à l’instant",
    })
    void saysHowLongAgoOrHowSoonInTheReadersLanguage(long secondsFromNow, String language, String expected) {
        assertThat(times.of(NOW.plusSeconds(secondsFromNow), Locale.forLanguageTag(language))).isEqualTo(expected);
    }

    @Test
    void theExactTimeIsInUtcWhateverTheOffsetOfTheValue() {
        OffsetDateTime inParis = NOW.minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(1));

        assertThat(times.of(inParis, Locale.ENGLISH)).isEqualTo("1 hour ago");
        assertThat(times.exact(inParis)).isEqualTo("2026-12-02 12:50:00 UTC");
        assertThat(times.iso(inParis)).isEqualTo("2026-12-02T12:50:00Z");
    }

    @Test
    void noTimeIsNoText() {
        assertThat(times.of(null, Locale.ENGLISH)).isNull();
        assertThat(times.exact(null)).isNull();
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/admin");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
