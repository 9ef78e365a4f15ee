package app.roster.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the rate limits refused: {@code roster.rate_limit.refusals} tagged with the kind of limit
 * ({@code login:ip}, {@code reset:email}, {@code api:token}, …, never the address or id in the bucket), and the
 * login checks refused before any password was checked, {@code roster.logins} with {@code outcome=locked}.
 */
@Component
class RefusalMeters {

    private final MeterRegistry registry;

    RefusalMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void refused(String bucket) {
        Counter.builder("roster.rate.limit.refusals").tag("limit", limitOf(bucket))
                .description("Requests a rate limit refused, by kind of limit").register(registry).increment();
    }

    void locked(String scope) {
        Counter.builder("roster.logins").tag("area", "staff-login".equals(scope) ? "admin" : "client")
                .tag("outcome", "locked")
                .description("Login attempts by outcome: succeeded, failed (wrong password or code), locked (throttled)")
                .register(registry).increment();
    }

    /** "reset:email:someone@example.com" → "reset:email": the tag's values stay few, and name nobody. */
    static String limitOf(String bucket) {
        String[] parts = bucket == null ? new String[0] : bucket.split(":", 3);
        String kind = parts.length < 2 ? "other" : parts[0] + ":" + parts[1];
        return kind.matches("[a-z0-9_.:-]{1,40}") ? kind : "other";
    }
}
