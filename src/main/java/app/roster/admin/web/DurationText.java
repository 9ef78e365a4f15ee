package app.roster.admin.web;

import java.time.Duration;

/** A duration as people write it: "7 d", "48 h", "30 min", "2 s" (hours up to three days, as the README says them). */
final class DurationText {

    public String of(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        if (seconds > 3 * 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
