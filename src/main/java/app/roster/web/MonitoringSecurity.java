package app.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The chain of {@code /actuator}: health and info for load balancers and Kubernetes (details only with the metrics
 * token), Prometheus only with the token. No session, no cookie; every endpoint is read-only (GET), nothing else
 * passes.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringSecurity {

    @Bean
    @Order(4)
    SecurityFilterChain monitoring(HttpSecurity http, MetricsSettings settings) throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.principal("anonymous"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(MetricsToken.ROLE)
                        .anyRequest().denyAll())
                .addFilterBefore(new MetricsToken(settings), AuthorizationFilter.class);
        return http.build();
    }
}
