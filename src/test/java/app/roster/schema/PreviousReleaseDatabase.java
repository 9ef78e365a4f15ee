package app.roster.schema;

import app.roster.support.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Runs after {@link TestInfrastructure} and, before the application starts, gives the test's fresh database
 * the schema of the last release (commit cbe48f5): its migrations, copied under {@code db/previous-release},
 * applied the way that release applied them (out of order, the search indexes as V100).
 */
class PreviousReleaseDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        String vendor = TestInfrastructure.onPostgres() ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username", "sa"),
                        environment.getProperty("spring.datasource.password", ""))
                .locations("classpath:db/previous-release/common", "classpath:db/previous-release/" + vendor)
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
