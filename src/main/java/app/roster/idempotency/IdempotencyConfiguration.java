package app.roster.idempotency;

import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filter on {@code /api/*}, right after Spring Security's chain: the principal is known, and a request the
 * chain refuses never claims a key. An API chain may also add the same filter bean itself; it runs once either way.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyKeys keys, IdempotencySettings settings, MessageSource messages,
            Clock clock) {
        return new IdempotencyFilter(keys, settings, messages, clock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
