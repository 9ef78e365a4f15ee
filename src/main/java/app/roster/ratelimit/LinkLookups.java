package app.roster.ratelimit;

import app.roster.shared.ClientIp;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Look-ups of the tokens in emailed links (invitations, verification, password reset, contact
 * confirmation, unsubscribe, staff set-password), limited per client IP: once an IP has tried too many
 * unknown or tampered tokens within the window, every link answers it 429, a valid one too, until the
 * window has passed. Guessing a 256-bit token is hopeless anyway; this stops the trying.
 */
@Component
public class LinkLookups {

    private final RateLimiter rateLimiter;
    private final LinkSettings settings;

    LinkLookups(RateLimiter rateLimiter, LinkSettings settings) {
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    /**
     * Runs the look-up in one of the IP's slots for failures, taken before looking so that simultaneous
     * guesses cannot overrun the limit, and given back when the token turns out known (valid, or merely
     * used or expired).
     *
     * @throws TooManyLinkLookups before looking, when the IP has no slot left
     */
    public <T> T lookUp(Supplier<T> lookup, Predicate<? super T> unknown) {
        String bucket = "link:ip:" + ClientIp.current().map(ClientIp::value).orElse("unknown");
        if (!rateLimiter.tryAcquire(bucket, settings.maxFailuresPerIp(), settings.window())) {
            throw new TooManyLinkLookups(settings.window().toSeconds());
        }
        T result = lookup.get();
        if (!unknown.test(result)) {
            rateLimiter.release(bucket);
        }
        return result;
    }

    /** This IP tried too many unknown links; the page says to wait. */
    public static class TooManyLinkLookups extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyLinkLookups(long retryAfterSeconds) {
            super("Too many unknown link tokens from this IP", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
