package app.roster.ratelimit;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import org.springframework.stereotype.Component;

/**
 * Failed logins per typed address and per client IP, for the Client Area and the Admin Area alike (each
 * its own scope). Known and unknown addresses count the same, so the limit reveals nothing.
 */
@Component
public class LoginAttempts {

    private final RateLimiter rateLimiter;
    private final LoginSettings settings;

    LoginAttempts(RateLimiter rateLimiter, LoginSettings settings) {
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    public boolean isBlocked(String scope, String typedEmail, String ip) {
        return rateLimiter.isExhausted(bucket(scope, "email", printable(typedEmail)), settings.maxAttemptsPerEmail(),
                settings.window())
                || rateLimiter.isExhausted(bucket(scope, "ip", ip), settings.maxAttemptsPerIp(), settings.window());
    }

    public void recordFailure(String scope, String typedEmail, String ip) {
        rateLimiter.record(bucket(scope, "email", printable(typedEmail)), settings.window());
        rateLimiter.record(bucket(scope, "ip", ip), settings.window());
    }

    private static String bucket(String scope, String kind, String value) {
        return scope + ":" + kind + ":" + value;
    }

    /** The canonical address, or the typed text made printable: what the audit shows and the limit counts. */
    public static String printable(String typed) {
        if (typed == null) {
            return "";
        }
        try {
            return EmailAddress.of(typed).value();
        } catch (InvalidEmailAddressException e) {
            String printable = typed.replaceAll("\\p{C}", "?");
            return printable.substring(0, Math.min(printable.length(), EmailAddress.MAX_LENGTH));
        }
    }
}
