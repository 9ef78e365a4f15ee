package app.roster.credential.web;

import app.roster.credential.CredentialRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "Create token" as typed: a name, the permissions ticked, and how long it lives (days, or never). */
record TokenForm(String name, List<String> permissions, String lifetime) {

    static final List<String> LIFETIMES = List.of("7", "30", "90", "365", "never");

    static TokenForm empty() {
        return new TokenForm("", List.of(), "90");
    }

    public Set<String> ticked() {
        return permissions == null ? Set.of() : new LinkedHashSet<>(permissions);
    }

    Instant expiresAt(Clock clock) {
        if ("never".equals(lifetime)) {
            return null;
        }
        if (lifetime == null || !LIFETIMES.contains(lifetime)) {
            throw new CredentialRefused("expiresAt", "credential.error.expiry");
        }
        return clock.instant().plus(Duration.ofDays(Long.parseLong(lifetime)));
    }
}
