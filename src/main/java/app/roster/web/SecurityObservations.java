package app.roster.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation per security filter, authentication and authorisation: wrapping each of the chain's filters
 * cost about a tenth of a signed-in page's CPU (issue 16's profile), and no metric or trace reads them. The
 * request's own observation ({@code http.server.requests}, by route) stays.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
