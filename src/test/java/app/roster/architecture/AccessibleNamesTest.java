package app.roster.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.5.3: a control whose aria-label is a message of its own starts that label with its visible text
 * ("Resend Invite, j@example.test"), in every language, so that speech users can say what they see.
 */
class AccessibleNamesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TEXT = Pattern.compile("^#\\{([a-zA-Z0-9_.]+)}$");
    private static final Pattern LABEL = Pattern.compile("aria-label=#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void everyLabelledControlsNameStartsWithItsVisibleText() throws IOException {
        List<String[]> pairs = labelledControls();
        assertThat(pairs).as("controls with a visible text and an aria-label message").hasSizeGreaterThan(8);
        List<String> wrong = new ArrayList<>();
        for (String suffix : List.of("", "_de", "_fr")) {
            Properties messages = messages(suffix);
            for (String[] pair : pairs) {
                String visible = messages.getProperty(pair[1]);
                String name = messages.getProperty(pair[2]);
                if (visible == null || name == null || !name.startsWith(visible)) {
                    wrong.add(pair[0] + " " + suffix + ": '" + name + "' does not start with '" + visible + "'");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Template, visible text's key, aria-label's key. */
    private static List<String[]> labelledControls() throws IOException {
        List<String[]> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (Element element : Jsoup.parse(Files.readString(template)).select("[th:attr*=aria-label][th:text]")) {
                    Matcher text = TEXT.matcher(element.attr("th:text"));
                    Matcher label = LABEL.matcher(element.attr("th:attr"));
                    if (text.find() && label.find()) {
                        pairs.add(new String[] {TEMPLATES.relativize(template).toString(), text.group(1), label.group(1)});
                    }
                }
            }
        }
        return pairs;
    }

    private static Properties messages(String suffix) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path bundle : files.filter(p -> p.getFileName().toString().matches("[a-z-]+" + suffix + "\\.properties")).toList()) {
                try (Reader reader = Files.newBufferedReader(bundle)) {
                    all.load(reader);
                }
            }
        }
        return all;
    }
}
