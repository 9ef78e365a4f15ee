package app.roster.support;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes the database part of the cached application's key: a JVM that runs a {@link PostgresPass} after (or
 * before) H2 classes must not hand a PostgreSQL test the H2 application of the same configuration.
 */
public final class DatabaseKey implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new Database(TestInfrastructure.onPostgres() ? "postgres" : "h2");
    }

    /** Changes nothing in the context: its equality is the key. */
    private record Database(String name) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        }
    }
}
