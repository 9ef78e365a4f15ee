package app.roster.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL pass as JUnit Platform suites ({@code app.roster.PostgresPass*Test}) rather than a second
 * Surefire execution: Surefire deals each suite to a test JVM like any class, so the PostgreSQL classes run
 * beside the H2 ones instead of after them. A suite switches its JVM to PostgreSQL for its duration
 * ({@code roster.test.database}, read when each class's application is looked up; {@link DatabaseKey} keeps
 * the two databases' applications apart). Its applications stay cached, paused by Spring while others run, and
 * close with the JVM, before its PostgreSQL server.
 */
public final class PostgresPass {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static volatile long started;

    private PostgresPass() {
    }

    /** Also prints where the suite begins: Surefire's "Running" lines that follow do not say the database. */
    public static void begin(String name) {
        System.out.printf("[roster] PostgreSQL pass %s begins, JVM %s%n", name, System.getProperty("roster.test.fork", "1"));
        System.setProperty("roster.test.database", "postgres");
        TestInfrastructure.startPostgresEarly();
        TESTS.set(PassTimer.tests());
        started = System.nanoTime();
    }

    public static void end(String name) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.setProperty("roster.test.database", "h2");
        System.out.printf("[roster] PostgreSQL pass %s, JVM %s: %d tests in %d min %02d s%n", name,
                System.getProperty("roster.test.fork", "1"), PassTimer.tests() - TESTS.get(), took.toMinutes(),
                took.toSecondsPart());
    }
}
