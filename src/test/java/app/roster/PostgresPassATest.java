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
 * The PostgreSQL pass for the packages account … membership but mail (see {@link PostgresPass}): every
 * {@code database}-tagged class that is not a {@code pages} one, in one test JVM, beside the H2 classes of the
 * others. The split of the packages evens the two suites' times (587 s and 370 s of tests when A went up to oidc).
 */
@Suite
@SelectPackages("app.roster")
@IncludeClassNamePatterns("app\\.roster\\.([a-l]\\w*|membership)\\..*(Test|Tests|IT)")
@IncludeTags("database")
@ExcludeTags("pages")
class PostgresPassATest {

    static final String NAME = "account … membership";

    @BeforeSuite
    static void onPostgres() {
        PostgresPass.begin(NAME);
    }

    @AfterSuite
    static void backToH2() {
        PostgresPass.end(NAME);
    }
}
