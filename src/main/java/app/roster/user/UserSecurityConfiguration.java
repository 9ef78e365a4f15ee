package app.roster.user;

import app.roster.ratelimit.LoginAttempts;
import app.roster.ratelimit.LoginThrottle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and the Client Area's authentication manager. */
@Configuration(proxyBeanMethods = false)
class UserSecurityConfiguration {

    /** Argon2id with OWASP's minimum: m = 19 MiB, t = 2, p = 1. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /** Runs just before Spring Security's filter chain (order -100), before any password is checked. */
    @Bean
    FilterRegistrationBean<LoginThrottle> clientLoginThrottle(LoginAttempts attempts) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(attempts, SignIn.SCOPE, "/login"));
        registration.setOrder(-101);
        return registration;
    }

    @Bean
    AuthenticationManager clientAuthentication(UserLogins userLogins, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userLogins);
        provider.setPasswordEncoder(passwordEncoder);
        // Check the password first, even for a disabled user: refusing before hashing would answer faster
        // and so tell an attacker that the address exists.
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Disabled");
            }
        });
        return new ProviderManager(provider);
    }
}
