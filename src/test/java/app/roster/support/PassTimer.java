package app.roster.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints how long each pass of the suite took (H2, then PostgreSQL) and how many application contexts it
 * started, so the build output holds the figures the README's "Measured" table quotes. Registered in
 * {@code META-INF/services}.
 */
public class PassTimer implements TestExecutionListener {

    private final AtomicInteger tests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private long started;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        started = System.nanoTime();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            tests.incrementAndGet();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failed.incrementAndGet();
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String database = TestInfrastructure.onPostgres() ? "PostgreSQL" : "H2";
        System.out.printf("[roster] %s pass: %d tests (%d not passed) in %d min %02d s, %d application contexts started%n",
                database, tests.get(), failed.get(), took.toMinutes(), took.toSecondsPart(),
                TestInfrastructure.contextsStarted());
    }
}
