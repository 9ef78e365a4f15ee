package app.roster.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints how long each test JVM took, how many tests it ran (H2 and, if it was dealt a {@link PostgresPass}
 * suite, PostgreSQL: that suite prints its own line too), how many application contexts it started and its
 * axe-core time, so the build output holds the figures the README's "Measured" table quotes. A JVM that Surefire
 * feeds one class at a time sees one test plan per class, so the figures span the launcher session, which is the
 * JVM's whole run.
 * Registered in {@code META-INF/services} as both listeners (two instances: the counts are static). It then runs
 * {@link SuiteLogCheck} and fails the JVM's run when the log holds a secret.
 */
public class PassTimer implements TestExecutionListener, LauncherSessionListener {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static volatile long started = System.nanoTime();

    /** Tests finished in this JVM so far. */
    static int tests() {
        return TESTS.get();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        started = System.nanoTime();
        SuiteLogCheck.sessionOpened();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            TESTS.incrementAndGet();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                FAILED.incrementAndGet();
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed(test);
            }
        }
    }

    /**
     * Surefire names a suite's failing test after the suite and the method (PostgresPassATest.aTest), and an H2 and a
     * PostgreSQL failure of one class alike: this line names the class, the method and the database of each failure.
     */
    private static void failed(TestIdentifier test) {
        String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(method -> method.getClassName() + "." + method.getMethodName()
                        + (test.getDisplayName().startsWith(method.getMethodName()) ? "" : " " + test.getDisplayName()))
                .orElse(test.getDisplayName());
        System.out.printf("[roster] failed on %s, JVM %s: %s%n", TestInfrastructure.onPostgres() ? "PostgreSQL" : "H2", System.getProperty("roster.test.fork", "1"), name);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (TESTS.get() == 0) {
            return; // Surefire's first session only looks for the test classes
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        SuiteLogCheck.Outcome logCheck = SuiteLogCheck.run();
        String database = TestInfrastructure.onPostgres() ? " on PostgreSQL" : "";
        String fork = System.getProperty("roster.test.fork", "1");
        System.out.printf("[roster] JVM %s: %d tests%s (%d not passed) in %d min %02d s, %d application contexts started, %s;"
                        + " log checked for %d secrets in %d ms (%d KB), %d found%n",
                fork, TESTS.get(), database, FAILED.get(), took.toMinutes(),
                took.toSecondsPart(), TestInfrastructure.contextsStarted(), AccessibilityCheck.spent(),
                logCheck.secrets(), logCheck.took().toMillis(), logCheck.bytes() / 1024, logCheck.leaks().size());
        if (!logCheck.leaks().isEmpty()) {
            StringBuilder found = new StringBuilder("[roster] secrets in the log of this run (" + SuiteLogCheck.log()
                    + ", line numbers from where this run began):");
            logCheck.leaks().stream().limit(20).forEach(leak -> found.append(System.lineSeparator()).append("  ").append(leak));
            System.out.println(found);
            throw new AssertionError(found.toString());
        }
    }
}
