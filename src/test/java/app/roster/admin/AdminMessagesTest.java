package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards: the three Admin Area bundles hold the same keys, and every key the admin templates use exists. */
class AdminMessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/admin");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9.]+)[}(]");

    @Test
    void frenchAndGermanHaveExactlyTheEnglishKeys() throws IOException {
        Set<String> english = load("admin.properties").stringPropertyNames();

        assertThat(load("admin_fr.properties").stringPropertyNames()).isEqualTo(english);
        assertThat(load("admin_de.properties").stringPropertyNames()).isEqualTo(english);
    }

    /** MessageFormat groups a number argument by the locale ("ID 1,053", "1.053", "1 053") unless told not to. */
    @Test
    void theDeleteQuestionShowsTheIdWithoutGrouping() throws IOException {
        Map<String, Locale> bundles = Map.of("admin-users.properties", Locale.ENGLISH,
                "admin-users_fr.properties", Locale.FRENCH, "admin-users_de.properties", Locale.GERMAN);
        for (Map.Entry<String, Locale> bundle : bundles.entrySet()) {
            String question = new MessageFormat(load(bundle.getKey()).getProperty("admin.clientDelete.question"),
                    bundle.getValue()).format(new Object[] {"Acme", 1053L});
            assertThat(question).as(bundle.getKey()).contains("(ID 1053)");
        }
    }

    @Test
    void everyKeyUsedByTheAdminTemplatesExists() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String bundle : new String[] {"admin", "admin-staff", "admin-users", "admin-records"}) {
            english.addAll(load(bundle + ".properties").stringPropertyNames());
        }

        assertThat(usedKeys()).isNotEmpty().allSatisfy(key -> assertThat(english).contains(key));
    }

    @Test
    void everyPasswordProblemHasAMessage() throws IOException {
        Set<String> english = load("admin.properties").stringPropertyNames();

        assertThat(english).contains("admin.password.tooShort", "admin.password.tooLong", "admin.password.common",
                "admin.password.weak", "admin.password.mismatch");
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
