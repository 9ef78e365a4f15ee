package app.roster.ratelimit;

import app.roster.shared.ClientIp;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.OneTimeToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password (and second-factor) checks per typed address, per client IP and per known browser, for the
 * Client Area and the Admin Area alike (each its own scope). Every check takes its slot before the slow
 * hash runs, so simultaneous guesses cannot overrun the limit. Known and unknown addresses count the
 * same, so the limit reveals nothing.
 *
 * <p>A browser that logged in as the address before spends only its own budget, never the address's or
 * the IP's; a correct password clears the address's failures; a completed password reset lifts its lock.
 */
@Component
public class LoginAttempts {

    /** The slots this request took, given back if the password turns out right. */
    private static final String TAKEN = LoginAttempts.class.getName() + ".TAKEN";

    private final RateLimiter rateLimiter;
    private final KnownDevices knownDevices;
    private final LoginSettings settings;
    private final RefusalMeters meters;

    LoginAttempts(RateLimiter rateLimiter, KnownDevices knownDevices, LoginSettings settings, RefusalMeters meters) {
        this.rateLimiter = rateLimiter;
        this.knownDevices = knownDevices;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * Takes the slot of one password or code check, to be made right after; false when the budget is spent
     * and the check must be refused without being made.
     */
    public boolean tryAttempt(String scope, String typedEmail) {
        if (take(scope, typedEmail)) {
            return true;
        }
        meters.locked(scope);
        return false;
    }

    private boolean take(String scope, String typedEmail) {
        String email = printable(typedEmail);
        Optional<HttpServletRequest> request = currentRequest();
        Optional<String> device = request.flatMap(r -> knownDevices.recognise(r, scope, email));
        List<String> taken;
        if (device.isPresent()) {
            String byDevice = deviceBucket(scope, device.get(), email);
            if (!rateLimiter.tryAcquire(byDevice, settings.maxAttemptsPerKnownDevice(), settings.window())) {
                return false;
            }
            taken = List.of(byDevice);
        } else {
            String byEmail = bucket(scope, "email", email);
            String byIp = bucket(scope, "ip", ClientIp.current().map(ClientIp::value)
                    .orElseGet(() -> request.map(HttpServletRequest::getRemoteAddr).orElse("")));
            if (!rateLimiter.tryAcquire(byEmail, settings.maxAttemptsPerEmail(), settings.window())) {
                return false;
            }
            if (!rateLimiter.tryAcquire(byIp, settings.maxAttemptsPerIp(), settings.window())) {
                rateLimiter.release(byEmail);
                return false;
            }
            taken = List.of(byEmail, byIp);
        }
        request.ifPresent(r -> r.setAttribute(TAKEN, taken));
        return true;
    }

    /**
     * The password was right (a re-entered current password, say): the address's failures are cleared and
     * this request's slots given back.
     */
    public void succeeded(String scope, String email) {
        String byEmail = bucket(scope, "email", printable(email));
        rateLimiter.clear(byEmail);
        currentRequest().map(request -> request.getAttribute(TAKEN)).filter(List.class::isInstance)
                .map(taken -> (List<?>) taken).ifPresent(taken -> taken.stream().map(String.class::cast)
                        .filter(slot -> !slot.equals(byEmail)).forEach(rateLimiter::release));
    }

    /** A full login: as {@link #succeeded}, and the browser becomes known for the address. */
    public void loggedIn(String scope, String email, HttpServletRequest request, HttpServletResponse response) {
        succeeded(scope, email);
        knownDevices.remember(request, response, scope, printable(email));
    }

    /** The owner of the address proved it another way (a completed password reset): its lock is lifted. */
    public void lift(String scope, String email) {
        rateLimiter.clear(bucket(scope, "email", printable(email)));
    }

    /** The password changed: only the browser that changed it stays known for the address. */
    public void passwordChanged(String scope, String email) {
        knownDevices.forgetAllBut(currentRequest(), scope, printable(email));
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    private static String bucket(String scope, String kind, String value) {
        return scope + ":" + kind + ":" + value;
    }

    /** Hashed: a device hash and an address would not fit the bucket's column together. */
    private static String deviceBucket(String scope, String deviceHash, String email) {
        return bucket(scope, "device", OneTimeToken.hashOf(deviceHash + ":" + email));
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
