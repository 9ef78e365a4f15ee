package app.roster.user;

import app.roster.ratelimit.RateLimiter;
import app.roster.shared.ClientIp;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sign-ups per client IP, on the register page and on an invitation's: each one mails an address the
 * visitor chose (a verification link, or a notice to the owner of a taken address). It counts the same
 * whatever the address, so refusing reveals nothing about it.
 */
@Component
public class RegistrationLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimiter rateLimiter;
    private final UserSettings settings;

    RegistrationLimit(RateLimiter rateLimiter, UserSettings settings) {
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    /** Takes the slot of one sign-up about to be made; false when this IP has had its share this hour. */
    public boolean tryRegister() {
        String ip = ClientIp.current().map(ClientIp::value).orElse("unknown");
        return rateLimiter.tryAcquire("register:ip:" + ip, settings.registrations().perIpHour(), WINDOW);
    }
}
