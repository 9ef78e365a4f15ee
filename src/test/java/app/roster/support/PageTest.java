package app.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An {@link IntegrationTest} of what pages show and where they lead (a browser journey, a page's rendering)
 * whose SQL other tests already check on PostgreSQL: it runs on H2 only. A test with queries, races,
 * searches or migrations of its own does not carry it; when in doubt, leave it off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("pages")
public @interface PageTest {
}
