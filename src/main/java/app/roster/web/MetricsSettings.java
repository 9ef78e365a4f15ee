package app.roster.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monitoring endpoints' settings.
 *
 * @param token the bearer token Prometheus sends to {@code /actuator/prometheus}, which also shows the health
 *              details; without one the endpoint answers 404
 */
@ConfigurationProperties("roster.metrics")
public record MetricsSettings(String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
