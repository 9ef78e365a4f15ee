package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard in docs/ imports (valid JSON with panels) and charts only the metrics the README lists. */
class GrafanaDashboardTest {

    private static final Pattern ROSTER_METRIC = Pattern.compile("roster_[a-z_]+");

    @Test
    void theDashboardIsValidAndEveryRosterMetricItChartsIsDocumented() throws IOException {
        String dashboard = Files.readString(Path.of("docs/grafana-roster.json"));
        String readme = Files.readString(Path.of("README.md"));
        JsonNode json = JsonMapper.shared().readTree(dashboard);

        assertThat(json.path("title").asString()).isEqualTo("Roster");
        assertThat(json.path("panels").size()).isGreaterThan(10);
        Set<String> charted = new TreeSet<>();
        Matcher metric = ROSTER_METRIC.matcher(dashboard);
        while (metric.find()) {
            charted.add(metric.group());
        }
        assertThat(charted).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(name -> assertThat(readme).as(name).contains("`" + name + "`"));
    }
}
