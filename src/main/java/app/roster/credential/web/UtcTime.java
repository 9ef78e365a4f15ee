package app.roster.credential.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the credential pages, in UTC like every time Roster shows: {@code ${@utcTime.of(key.createdAt())}}. */
@Component("utcTime")
public class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String of(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** For a time element's machine-readable value. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
