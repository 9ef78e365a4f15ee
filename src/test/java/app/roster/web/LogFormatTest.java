package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** ROSTER_LOG_FORMAT becomes Spring Boot's structured console format before logging starts. */
class LogFormatTest {

    @Test
    void jsonMeansElasticCommonSchemaAndTextMeansPlainLines() {
        assertThat(LogFormat.structured("json")).isEqualTo("ecs");
        assertThat(LogFormat.structured(" ECS ")).isEqualTo("ecs");
        assertThat(LogFormat.structured("logstash")).isEqualTo("logstash");
        assertThat(LogFormat.structured("text")).isNull();
        assertThat(LogFormat.structured("")).isNull();
    }

    @Test
    void anUnknownFormatStopsTheStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogFormat.structured("xml"))
                .withMessageContaining("ROSTER_LOG_FORMAT");
    }

    @Test
    void theSettingSetsTheConsoleFormatUnlessItIsSetExplicitly() {
        MockEnvironment json = new MockEnvironment().withProperty(LogFormat.SETTING, "json");
        new LogFormat().postProcessEnvironment(json, null);
        MockEnvironment explicit = new MockEnvironment().withProperty(LogFormat.SETTING, "json")
                .withProperty(LogFormat.CONSOLE, "logstash");
        new LogFormat().postProcessEnvironment(explicit, null);
        MockEnvironment text = new MockEnvironment();
        new LogFormat().postProcessEnvironment(text, null);

        assertThat(json.getProperty(LogFormat.CONSOLE)).isEqualTo("ecs");
        assertThat(explicit.getProperty(LogFormat.CONSOLE)).isEqualTo("logstash");
        assertThat(text.getProperty(LogFormat.CONSOLE)).isNull();
    }
}
