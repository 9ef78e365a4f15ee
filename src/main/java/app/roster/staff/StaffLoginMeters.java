package app.roster.staff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    @EventListener
    void on(StaffEvents.LoggedIn event) {
        afterCommit(succeeded);
    }

    @EventListener
    void on(StaffEvents.LoginFailed event) {
        afterCommit(failed);
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
