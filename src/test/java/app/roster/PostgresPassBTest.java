package app.roster;

import app.roster.support.PostgresPass;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The PostgreSQL pass for the packages mail and oidc … webhook (see {@link PostgresPass}): every
 * {@code database}-tagged class that is not a {@code pages} one, in one test JVM, beside the H2 classes of the
 * others. {@link PostgresPassATest} says why mail is here.
 */
@Suite
@SelectPackages("app.roster")
@IncludeClassNamePatterns("app\\.roster\\.(mail|[n-z]\\w*)\\..*(Test|Tests|IT)")
@IncludeTags("database")
@ExcludeTags("pages")
class PostgresPassBTest {

    static final String NAME = "mail, oidc … webhook";

    @BeforeSuite
    static void onPostgres() {
        PostgresPass.begin(NAME);
    }

    @AfterSuite
    static void backToH2() {
        PostgresPass.end(NAME);
    }
}
