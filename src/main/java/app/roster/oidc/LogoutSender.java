package app.roster.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts due back-channel logouts ({@code logout_token=…}, form-encoded) to the clients' logout URIs, oldest first,
 * on every node, each row claimed by one node before its post ({@link LogoutOutbox#claim}). Outside any
 * transaction and any request: a slow client delays only the next logout, never a user. A 2xx answer delivers it;
 * anything else (another status, a redirect, a timeout) is tried again with back-off, and after the last attempt it
 * is given up and audited. The token is signed at each attempt, with the row's jti.
 */
@Component
class LogoutSender {

    private static final Logger log = LoggerFactory.getLogger(LogoutSender.class);
    private static final int BATCH = 50;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Longer than one post can take, so that a live claim never lapses mid-post. */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final int MAX_ERROR = 300;

    private final LogoutOutbox outbox;
    private final LogoutTokens tokens;
    private final OidcSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    // Redirects are not followed: a logout URI is registered exactly, and the token must not travel further.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    LogoutSender(LogoutOutbox outbox, LogoutTokens tokens, OidcSettings settings, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${roster.oidc.logout-poll-interval:1s}",
            initialDelayString = "${roster.oidc.logout-poll-interval:1s}")
    void sendDue() {
        List<Long> due;
        do {
            due = outbox.due(clock.instant(), BATCH);
            for (long id : due) {
                Instant now = clock.instant();
                if (outbox.claim(id, node, now, now.plus(CLAIM))) {
                    outbox.find(id).ifPresent(this::send);
                }
            }
        } while (due.size() == BATCH);
        outbox.forgetDeliveredBefore(clock.instant().minus(KEEP_DELIVERED));
    }

    private void send(LogoutOutbox.PendingLogout logout) {
        String error;
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(logout.logoutUri()))
                    .timeout(READ_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                            + URLEncoder.encode(tokens.sign(logout), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                outbox.markDelivered(logout.id(), clock.instant());
                return;
            }
            error = "HTTP " + answer.statusCode();
        } catch (IOException | RuntimeException e) {
            error = describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failed(logout, error);
    }

    private void failed(LogoutOutbox.PendingLogout logout, String error) {
        int attempts = logout.attempts() + 1;
        if (attempts >= settings.logoutAttempts()) {
            // The audit row and the FAILED state commit together: the trail never shows a logout still queued.
            boolean gaveUp = Boolean.TRUE.equals(transaction.execute(status -> {
                if (!outbox.markFailed(logout.id(), node, attempts, error)) {
                    return false;
                }
                events.publishEvent(new OidcEvents.BackChannelLogoutFailed(logout.clientId(),
                        Long.parseLong(logout.subject()), attempts, error));
                return true;
            }));
            if (gaveUp) {
                log.error("Back-channel logout {} to {} given up after {} attempts: {}", logout.id(),
                        logout.clientId(), attempts, error);
            }
            return;
        }
        Instant next = settings.nextLogoutAttempt(clock.instant(), attempts);
        if (outbox.markRetry(logout.id(), node, attempts, error, next)) {
            log.warn("Back-channel logout {} to {} failed (attempt {}), next try at {}: {}", logout.id(),
                    logout.clientId(), attempts, next, error);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
