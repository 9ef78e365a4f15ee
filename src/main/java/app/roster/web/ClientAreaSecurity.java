package app.roster.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The Client Area chain. The Admin Area has its own chain, session key and login (see the admin module):
 * a user's login never opens it.
 */
@Configuration(proxyBeanMethods = false)
class ClientAreaSecurity {

    static final String[] PUBLIC_PATHS = {
        "/login", "/login/two-factor", "/register", "/password/**", "/verify-email/**", "/password-strength",
        "/invitations/accept", "/invitations/accept/register", "/invitations/accept/logout",
        "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/dev/mailbox/**",
        "/actuator/health/**", "/actuator/health", "/actuator/info"
    };

    @Bean
    @Order(10)
    SecurityFilterChain clientArea(HttpSecurity http,
            @Qualifier("clientLoginSucceeded") AuthenticationSuccessHandler loginSucceeded,
            @Qualifier("clientLoginFailed") AuthenticationFailureHandler loginFailed, SecurityHeaders securityHeaders)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().hasRole("USER"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loginSucceeded)
                        .failureHandler(loginFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout"));
        securityHeaders.apply(http);
        return http.build();
    }
}
