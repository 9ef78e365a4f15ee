package app.roster.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The outbox as the metrics see it: what waits ({@code roster.outbox.queued}) and for how long the oldest has
 * waited ({@code roster.outbox.oldest.age}, seconds), both read from the shared table at each scrape so every node
 * reports the same backlog; and what this node did: {@code roster.outbox.sent}, {@code roster.outbox.retries}
 * (an attempt failed, another is planned) and {@code roster.outbox.failed} (given up).
 */
@Component
class OutboxMeters {

    private final Counter sent;
    private final Counter retries;
    private final Counter failed;

    OutboxMeters(MeterRegistry registry, Outbox outbox, Clock clock) {
        Gauge.builder("roster.outbox.queued", outbox, box -> box.status().queued())
                .description("Messages waiting in the outbox (all nodes)").register(registry);
        Gauge.builder("roster.outbox.oldest.age", outbox, box -> box.oldestQueuedAt()
                        .map(queuedAt -> Duration.between(queuedAt, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .baseUnit("seconds").description("How long the oldest waiting message has waited").register(registry);
        this.sent = Counter.builder("roster.outbox.sent").description("Messages handed to the mail server")
                .register(registry);
        this.retries = Counter.builder("roster.outbox.retries")
                .description("Failed delivery attempts that will be tried again").register(registry);
        this.failed = Counter.builder("roster.outbox.failed")
                .description("Messages given up on after the last attempt").register(registry);
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retries.increment();
    }

    void failed() {
        failed.increment();
    }
}
