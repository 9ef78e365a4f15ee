package app.roster.api;

import app.roster.ratelimit.RateLimiter;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API's own chain, ahead of both areas': stateless, bearer credentials only. No session is read or made
 * (the session cookie is not even resolved under {@code /api}, see the web module's session cookies), so CSRF,
 * which protects cookie-authenticated requests, does not apply and is off here only. CORS is closed unless
 * {@code roster.api.allowed-origins} lists origins. The OpenAPI document and Swagger UI are public and stateless.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ApiCredentials credentials, ApiProblems problems, ApiSettings settings,
            RateLimiter limiter) throws Exception {
        ApiEntryPoint entryPoint = new ApiEntryPoint(problems);
        http.securityMatcher(ApiPaths.PATTERN)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(cors(settings)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ApiAuthentication.ROLE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new RequestBodyLimit(settings.maxBodySize().toBytes(), problems),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerAuthentication(credentials, entryPoint), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiRateLimits(limiter, settings.rateLimit(), problems), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher(DOCS)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Ahead of the security chains, for the container's error dispatch only. */
    @Bean
    FilterRegistrationBean<ApiErrorDispatch> apiErrorDispatch(ApiProblems problems) {
        FilterRegistrationBean<ApiErrorDispatch> registration = new FilterRegistrationBean<>(new ApiErrorDispatch(problems));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(-150);
        return registration;
    }

    static CorsConfigurationSource cors(ApiSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(settings.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                    "If-Match", "If-None-Match", "Idempotency-Key"));
            configuration.setExposedHeaders(List.of("RateLimit", "RateLimit-Policy", "Retry-After", "ETag", "Location",
                    "WWW-Authenticate"));
            // Bearer credentials only: a browser never sends cookies along.
            configuration.setAllowCredentials(false);
            configuration.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration(ApiPaths.PATTERN, configuration);
        }
        return source;
    }
}
