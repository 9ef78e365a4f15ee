package app.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A test against the whole running application: a real database (H2, or PostgreSQL in the build's
 * PostgreSQL pass, {@link PostgresPass}), a real SMTP server (GreenMail) and a random port. Tagged "database",
 * so the PostgreSQL pass runs it again. Its beans for the test: {@link Registrations}, {@link TestCredentials},
 * {@link Tenants} and {@link StaffMembers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestInfrastructure.class)
@ContextCustomizerFactories(DatabaseKey.class)
@Tag("database")
@Import({Registrations.class, TestCredentials.class, Tenants.class, StaffMembers.class})
public @interface IntegrationTest {
}
