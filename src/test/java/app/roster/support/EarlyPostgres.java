package app.roster.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Has the PostgreSQL pass's embedded server start while JUnit still discovers the tests and the first
 * application starts, rather than after. Registered in {@code META-INF/services}; does nothing on H2.
 */
public class EarlyPostgres implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestInfrastructure.startPostgresEarly();
    }
}
