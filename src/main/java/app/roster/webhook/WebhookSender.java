package app.roster.webhook;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due webhooks. Every node runs it; {@link WebhookDeliveries#claim} hands each delivery to one node.
 * The deliveries of one round are first in line of different (endpoint, stream) pairs, so they are sent side by
 * side (one virtual thread each) without breaking any order, and a slow endpoint does not hold up the others.
 * Runs outside any transaction: each result commits at once, and a crash at worst sends a delivery again after
 * its claim expires (at least once, with the same event id for de-duplication).
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;
    /** Longer than one attempt's total timeout, so a live claim never lapses mid-send. */
    static final Duration CLAIM = Duration.ofMinutes(1);
    private static final int MAX_ERROR = 300;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final TargetAddresses targets;
    private final WebhookTransport transport;
    private final EndpointFailures failures;
    private final WebhookSettings settings;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    WebhookSender(WebhookDeliveries deliveries, WebhookEndpoints endpoints, TargetAddresses targets,
            WebhookTransport transport, EndpointFailures failures, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.targets = targets;
        this.transport = transport;
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends what is due now rather than at the next poll: called after the commit of a change that queued
     * deliveries on this node (other nodes find them at their poll). Returns at once.
     */
    void wake() {
        if (!stopped) {
            Thread.ofVirtual().name("webhook-wake").start(this::sendDue);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    /**
     * The poll, and every wake-up. One run at a time on a node: a call that finds a run going leaves it a note
     * to look again before it ends, so no wake-up is lost and bursts of commits do not pile up threads.
     */
    @Scheduled(fixedDelayString = "${roster.webhooks.poll-interval:2s}",
            initialDelayString = "${roster.webhooks.poll-interval:2s}")
    public void sendDue() {
        again.set(true);
        while (again.get() && !stopped && running.tryLock()) {
            try {
                while (again.getAndSet(false)) {
                    sendRounds();
                }
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Round after round while deliveries succeed: a delivered event makes the next one of its stream first in
     * line, so a burst in one account drains at the receiver's pace, not one event per poll.
     */
    private void sendRounds() {
        boolean progress;
        do {
            List<Long> due = deliveries.due(clock.instant(), BATCH);
            if (due.isEmpty()) {
                return;
            }
            progress = false;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> results = due.stream().map(id -> threads.submit(() -> claimAndSend(id)))
                        .toList();
                for (Future<Boolean> result : results) {
                    progress |= result.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("Webhook round failed", e.getCause());
                return;
            }
        } while (progress);
    }

    /** True when it was delivered. */
    boolean claimAndSend(long id) {
        Instant now = clock.instant();
        if (!deliveries.claim(id, node, now, now.plus(CLAIM))) {
            return false;
        }
        Optional<WebhookDelivery> delivery = deliveries.find(id);
        Optional<WebhookEndpoint> endpoint = delivery.flatMap(found -> endpoints.find(found.endpointId()));
        if (delivery.isEmpty() || endpoint.isEmpty()) {
            return false;
        }
        return send(delivery.get(), endpoint.get());
    }

    private boolean send(WebhookDelivery delivery, WebhookEndpoint endpoint) {
        Instant started = clock.instant();
        try {
            URI uri = targets.parse(endpoint.url());
            InetAddress address = targets.resolve(uri);
            String body = delivery.payload();
            WebhookTransport.Answer answer = transport.post(uri, address, headers(delivery, endpoint, started, body),
                    body, settings.connectTimeout(), settings.totalTimeout(), (int) settings.maxResponseSize().toBytes());
            if (answer.status() >= 200 && answer.status() < 300) {
                deliveries.markDelivered(delivery.id(), clock.instant(), answer.status(), answer.millis());
                return true;
            }
            failed(delivery, endpoint, started, answer.status(), (int) answer.millis(), "HTTP " + answer.status());
        } catch (TargetAddresses.Refused e) {
            failed(delivery, endpoint, started, null, null, "Refused: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            failed(delivery, endpoint, started, null, (int) Duration.between(started, clock.instant()).toMillis(),
                    describe(e));
        }
        return false;
    }

    /** The Standard Webhooks headers; one signature per valid secret, so a rotation breaks no receiver. */
    private Map<String, String> headers(WebhookDelivery delivery, WebhookEndpoint endpoint, Instant now,
            String body) {
        String id = delivery.eventId().toString();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", endpoints.signingSecrets(endpoint.id(), now).stream()
                .map(secret -> secret.sign(id, timestamp, body)).collect(Collectors.joining(" ")));
        return headers;
    }

    private void failed(WebhookDelivery delivery, WebhookEndpoint endpoint, Instant started, Integer status,
            Integer millis, String error) {
        Backoff backoff = Backoff.of(settings);
        Instant now = clock.instant();
        var attempt = new WebhookDeliveries.Attempt(delivery.attempts() + 1, started, status, millis, error);
        if (backoff.exhausted(delivery.retrySince(), now)) {
            if (deliveries.markFailed(delivery.id(), node, attempt)) {
                log.error("Webhook delivery {} to endpoint {} given up after {} attempts: {}", delivery.id(),
                        endpoint.id(), attempt.attempts(), error);
                failures.disable(endpoint.id());
            }
        } else {
            Instant next = backoff.nextAttemptAt(now, attempt.attempts());
            if (deliveries.markRetry(delivery.id(), node, attempt, next)) {
                log.warn("Webhook delivery {} to endpoint {} failed (attempt {}), next try at {}: {}", delivery.id(),
                        endpoint.id(), attempt.attempts(), next, error);
            }
        }
    }

    /** The innermost cause's type and first line; the URL is never in it (it may carry a receiver's token). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
