package app.roster.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    @EventListener
    void on(LoginEvents.LoggedIn event) {
        afterCommit(succeeded);
    }

    @EventListener
    void on(LoginEvents.LoginFailed event) {
        afterCommit(failed);
    }

    @EventListener
    void on(UserRegistered event) {
        afterCommit(registered);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
