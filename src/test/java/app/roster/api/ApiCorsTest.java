package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;

/** CORS is closed unless origins are configured, and then open to those only, never with cookies. */
class ApiCorsTest {

    @Test
    void noOriginsMeansNoCorsConfiguration() {
        ApiSettings settings = new ApiSettings(List.of(), DataSize.ofKilobytes(64),
                new ApiSettings.RateLimit(1, 1, Duration.ofMinutes(1)));

        assertThat(ApiSecurity.cors(settings).getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/permissions")))
                .isNull();
    }

    @Test
    void configuredOriginsAreAllowedWithoutCredentials() {
        ApiSettings settings = new ApiSettings(List.of("https://panel.example.com"), DataSize.ofKilobytes(64),
                new ApiSettings.RateLimit(1, 1, Duration.ofMinutes(1)));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/permissions");
        request.setRequestURI("/api/v1/permissions");

        CorsConfiguration cors = ApiSecurity.cors(settings).getCorsConfiguration(request);

        assertThat(cors).isNotNull();
        assertThat(cors.checkOrigin("https://panel.example.com")).isEqualTo("https://panel.example.com");
        assertThat(cors.checkOrigin("https://evil.example.com")).isNull();
        assertThat(cors.getAllowCredentials()).isFalse();
        assertThat(cors.getExposedHeaders()).contains("RateLimit", "Retry-After");
    }
}
