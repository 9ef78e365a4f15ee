package app.roster.invitation.web;

import java.time.Duration;
import java.time.Instant;

/** "1 hour ago" as a message key and a number, so that each language words it (and its plural) itself. */
public record RelativeTime(String key, long amount) {

    static RelativeTime between(Instant then, Instant now) {
        Duration ago = Duration.between(then, now);
        if (ago.toMinutes() < 1) {
            return new RelativeTime("invites.ago.now", 0);
        }
        if (ago.toHours() < 1) {
            return new RelativeTime("invites.ago.minutes", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return new RelativeTime("invites.ago.hours", ago.toHours());
        }
        return new RelativeTime("invites.ago.days", ago.toDays());
    }
}
