package app.roster;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where start-up time goes, for {@code bench/start.sh}: with {@code -Droster.startup.steps=N} Roster records
 * Spring's start-up steps and prints the N with the most time of their own (a step's time less its sub-steps'),
 * which names the slow beans rather than the context refresh that contains them all.
 */
final class StartupSteps {

    private StartupSteps() {
    }

    static BufferingApplicationStartup recorder() {
        return new BufferingApplicationStartup(20_000);
    }

    static void print(BufferingApplicationStartup startup, int count) {
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        System.out.println("[startup] the " + count + " steps with the most time of their own:");
        events.stream()
                .sorted(Comparator.comparing((StartupTimeline.TimelineEvent event) -> self(event, children))
                        .reversed())
                .limit(count)
                .forEach(event -> System.out.printf("[startup] %6d ms  %s %s%n", self(event, children).toMillis(),
                        event.getStartupStep().getName(), tags(event)));
    }

    private static Duration self(StartupTimeline.TimelineEvent event, Map<Long, Duration> children) {
        return event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        return StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(" "));
    }
}
