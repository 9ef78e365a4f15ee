package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    @Test
    void httpsWhenTheBaseUrlSaysSoOrSecureCookiesAreAskedFor() {
        assertThat(settings("http://localhost:8080", false).https()).isFalse();
        assertThat(settings("http://localhost:8080", true).https()).isTrue();
        assertThat(settings("https://clients.example.com", false).https()).isTrue();
    }

    private static WebSettings settings(String baseUrl, boolean secureCookies) {
        return new WebSettings(URI.create(baseUrl), "Roster", null, List.of(),
                new WebSettings.Session(Duration.ofHours(12), Duration.ofSeconds(60)), secureCookies);
    }
}
