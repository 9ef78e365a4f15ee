package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class SparseSessionTouchesTest {

    private static final Instant STORED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void aTouchWithinTheIntervalIsKeptInTheRequestOnly() {
        MapSession stored = session(Duration.ofMinutes(30));
        SparseSessionTouches.Touched<MapSession> touched = new SparseSessionTouches.Touched<>(stored, MINUTE);

        touched.setLastAccessedTime(STORED.plusSeconds(59));

        assertThat(stored.getLastAccessedTime()).isEqualTo(STORED);
        assertThat(touched.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(59));
    }

    @Test
    void aTouchOnceTheIntervalIsOverReachesTheStoredSession() {
        MapSession stored = session(Duration.ofMinutes(30));
        new SparseSessionTouches.Touched<>(stored, MINUTE).setLastAccessedTime(STORED.plusSeconds(60));

        assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(60));
    }

    @Test
    void theSlackIsNeverMoreThanATenthOfTheIdleTimeout() {
        MapSession stored = session(Duration.ofMinutes(5));
        new SparseSessionTouches.Touched<>(stored, MINUTE).setLastAccessedTime(STORED.plusSeconds(30));

        assertThat(stored.getLastAccessedTime()).as("a tenth of 5 minutes").isEqualTo(STORED.plusSeconds(30));
    }

    @Test
    void aChangeCarriesThePendingTouch() {
        MapSession stored = session(Duration.ofMinutes(30));
        SparseSessionTouches.Touched<MapSession> touched = new SparseSessionTouches.Touched<>(stored, MINUTE);

        touched.setLastAccessedTime(STORED.plusSeconds(5));
        touched.setAttribute("flash", "saved");

        assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(5));
        assertThat(stored.<String>getAttribute("flash")).isEqualTo("saved");
    }

    private static MapSession session(Duration idleTimeout) {
        MapSession session = new MapSession();
        session.setCreationTime(STORED.minusSeconds(600));
        session.setLastAccessedTime(STORED);
        session.setMaxInactiveInterval(idleTimeout);
        return session;
    }
}
