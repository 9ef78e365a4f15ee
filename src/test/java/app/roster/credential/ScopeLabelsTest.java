package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.Scope;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API key form labels each scope with {@code scope.<NAME>}, a key built at runtime that the template guard
 * cannot see: every scope, in every language.
 */
class ScopeLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr"})
    void everyScopeHasALabel(String language) throws IOException {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/credential" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (Scope scope : Scope.values()) {
            assertThat(bundle.getProperty("scope." + scope.name())).as(scope.name() + language).isNotBlank();
        }
    }
}
