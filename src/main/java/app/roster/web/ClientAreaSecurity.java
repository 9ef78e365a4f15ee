package app.roster.web;

import app.roster.security.CsrfRefusals;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * The Client Area chain. The Admin Area has its own chain, session key and login (see the admin module):
 * a user's login never opens it.
 */
@Configuration(proxyBeanMethods = false)
class ClientAreaSecurity {

    static final String[] PUBLIC_PATHS = {
        "/login", "/login/two-factor", "/register", "/password/**", "/verify-email/**", "/password-strength",
        "/invitations/accept", "/invitations/accept/register", "/invitations/accept/logout",
        "/contacts/confirm", "/contacts/unsubscribe",
        "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/dev/mailbox/**"
    };

    @Bean
    @Order(10)
    SecurityFilterChain clientArea(HttpSecurity http,
            @Qualifier("clientLoginSucceeded") AuthenticationSuccessHandler loginSucceeded,
            @Qualifier("clientLoginFailed") AuthenticationFailureHandler loginFailed,
            @Qualifier("clientLogout") LogoutHandler logoutHandler, SecurityHeaders securityHeaders,
            CsrfRefusals csrfRefusals) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().hasRole("USER"))
                // RFC 8058 one-click unsubscribe is posted by mail clients, which hold no CSRF token; the
                // unguessable token in the link is what authorises it (see ContactLinks).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/contacts/unsubscribe")))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(csrfRefusals))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loginSucceeded)
                        .failureHandler(loginFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler(logoutHandler)
                        .logoutSuccessUrl("/login?logout"));
        securityHeaders.applyWithFormTargets(http);
        return http.build();
    }
}
