package app.roster.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts Client Area logins and sign-ups from the events the use cases publish, once their transaction commits
 * (a rolled-back sign-up is no sign-up). {@code roster.logins} is tagged {@code area} and {@code outcome}; the
 * refused logins ({@code locked}) are counted where the throttle refuses them, in the ratelimit module.
 */
@Component
class LoginMeters {

    static final String LOGINS = "roster.logins";
    static final String REGISTRATIONS = "roster.registrations";

    private final Counter succeeded;
    private final Counter failed;
    private final Counter registered;

    LoginMeters(MeterRegistry registry) {
        this.succeeded = logins(registry, "succeeded");
        this.failed = logins(registry, "failed");
        this.registered = Counter.builder(REGISTRATIONS).description("New users signed up (a taken address is not counted)")
                .register(registry);
    }

    private static Counter logins(MeterRegistry registry, String outcome) {
        return Counter.builder(LOGINS).tag("area", "client").tag("outcome", outcome)
                .description("Login attempts by outcome: succeeded, failed (wrong password or code), locked (throttled)")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginEvents.LoggedIn event) {
        succeeded.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginEvents.LoginFailed event) {
        failed.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserRegistered event) {
        registered.increment();
    }
}
