package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three mail bundles hold the same keys, and every key a mail or dev mailbox template uses exists. */
class MailBundlesTest {

    private static final Pattern KEY = Pattern.compile("#\\{(mail\\.[A-Za-z.]+?)(\\(|\\}|\\.__)");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de"})
    void translationsHaveExactlyTheEnglishKeys(String language) throws IOException {
        assertThat(load("i18n/mail_" + language + ".properties").stringPropertyNames())
                .isEqualTo(load("i18n/mail.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTheTemplatesExists() throws IOException {
        Set<String> keys = load("i18n/mail.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/mail")),
                Files.list(Path.of("src/main/resources/templates/dev")))) {
            for (Path file : files.toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (matcher.group(2).equals(".__")) {
                        // A key completed at render time from the state: every state needs its text.
                        Stream.of(OutboxMessage.State.values()).forEach(s -> used.add(matcher.group(1) + "." + s));
                    } else {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void noAsciiApostrophesWhichMessageFormatWouldSwallow() throws IOException {
        for (String name : new String[] {"mail", "mail_fr", "mail_de"}) {
            Properties bundle = load("i18n/" + name + ".properties");
            for (String key : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(key)).as(name + ":" + key).doesNotContain("'");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
