package app.roster.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * "1 hour ago", "in 6 days" for the Admin Area's lists, in the reader's language, with the exact time in UTC for the
 * title: {@code ~{admin/time :: ago(${invite.sentAt})}}. Each unit is rounded down, as people say it.
 */
@Component("relativeTime")
public class RelativeTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration JUST_NOW = Duration.ofSeconds(10);

    private final Clock clock;
    private final MessageSource messages;

    RelativeTime(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public String of(TemporalAccessor time, Locale locale) {
        if (time == null) {
            return null;
        }
        Duration distance = Duration.between(Instant.from(time), clock.instant());
        boolean future = distance.isNegative();
        long seconds = distance.abs().toSeconds();
        if (!future && seconds < JUST_NOW.toSeconds()) {
            return messages.getMessage("admin.time.justNow", null, locale);
        }
        long days = seconds / 86_400;
        String unit;
        long count;
        if (seconds < 60) {
            unit = "seconds";
            count = seconds;
        } else if (seconds < 3_600) {
            unit = "minutes";
            count = seconds / 60;
        } else if (days < 1) {
            unit = "hours";
            count = seconds / 3_600;
        } else if (days < 30) {
            unit = "days";
            count = days;
        } else if (days < 365) {
            unit = "months";
            count = days / 30;
        } else {
            unit = "years";
            count = days / 365;
        }
        return messages.getMessage("admin.time." + (future ? "in." : "ago.") + unit, new Object[] {count}, locale);
    }

    /** The exact time, in UTC like every time Roster shows. */
    public String exact(TemporalAccessor time) {
        return time == null ? null : EXACT.format(Instant.from(time).atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** For the time element's machine-readable value. */
    public String iso(TemporalAccessor time) {
        return time == null ? null : Instant.from(time).toString();
    }
}
