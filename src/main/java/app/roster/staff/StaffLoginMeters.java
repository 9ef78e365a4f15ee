package app.roster.staff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Counts Admin Area logins in {@code roster.logins} ({@code area=admin}), once their transaction commits. */
@Component
class StaffLoginMeters {

    private final Counter succeeded;
    private final Counter failed;

    StaffLoginMeters(MeterRegistry registry) {
        this.succeeded = logins(registry, "succeeded");
        this.failed = logins(registry, "failed");
    }

    private static Counter logins(MeterRegistry registry, String outcome) {
        return Counter.builder("roster.logins").tag("area", "admin").tag("outcome", outcome)
                .description("Login attempts by outcome: succeeded, failed (wrong password or code), locked (throttled)")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StaffEvents.LoggedIn event) {
        succeeded.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StaffEvents.LoginFailed event) {
        failed.increment();
    }
}
