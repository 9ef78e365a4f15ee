package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** The shipped configuration's public address, as a newcomer starts Roster: emailed links must reach it. */
class DefaultBaseUrlTest {

    @Test
    void withNothingSetItIsPort8080OnLocalhost() throws IOException {
        assertThat(baseUrl(shipped())).isEqualTo("http://localhost:8080");
    }

    @Test
    void withAnotherPortItFollowsThePort() throws IOException {
        assertThat(baseUrl(shipped().withProperty("PORT", "18101"))).isEqualTo("http://localhost:18101");
    }

    @Test
    void anAddressSetExplicitlyWinsOverThePort() throws IOException {
        assertThat(baseUrl(shipped().withProperty("PORT", "18101")
                .withProperty("ROSTER_BASE_URL", "https://clients.example.test")))
                .isEqualTo("https://clients.example.test");
    }

    private static MockEnvironment shipped() throws IOException {
        MockEnvironment environment = new MockEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }

    private static String baseUrl(MockEnvironment environment) {
        return environment.getProperty("roster.base-url");
    }
}
