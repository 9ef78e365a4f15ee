package app.roster.schema;

import app.roster.support.TestInfrastructure;
import org.flywaydb.core.Flyway;

/**
 * Gives an empty database the schema of the last release (commit cbe48f5): its migrations, copied under
 * {@code db/previous-release}, applied the way that release applied them (out of order, the search indexes as
 * V100).
 */
final class PreviousReleaseDatabase {

    private PreviousReleaseDatabase() {
    }

    static void migrate(String url, String username, String password) {
        String vendor = TestInfrastructure.onPostgres() ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(url, username, password)
                .locations("classpath:db/previous-release/common", "classpath:db/previous-release/" + vendor)
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
