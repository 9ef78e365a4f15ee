package app.roster.staff.web;

import app.roster.staff.AdminSettings;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffSignIn;
import app.roster.staff.StaffTwoFactor;
import app.roster.security.CsrfRefusals;
import app.roster.web.SecurityHeaders;
import app.roster.ratelimit.LoginAttempts;
import app.roster.ratelimit.LoginThrottle;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The Admin Area chain: its own login against the staff table, its own session (its own cookie, see the
 * web module) and, inside it, its own session key, so a user's login never opens the Admin Area and a
 * staff login never opens the Client Area. It is not a bean of its own authentication manager or user
 * details service, which would disturb the Client Area's.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class AdminAreaSecurity {

    static final String SECURITY_CONTEXT_KEY = "ROSTER_ADMIN_SECURITY_CONTEXT";

    /**
     * The only changes Support staff may make: sending an email again, and their own login. Every other
     * POST under /admin needs an Administrator, so a new action is closed to Support until listed here.
     */
    static final String[] SUPPORT_MAY_POST = {
        "/admin/logout",
        "/admin/two-factor/**",
        "/admin/users/*/password-reset",
        "/admin/users/*/verification",
        "/admin/clients/*/invites/*/resend",
    };

    @Bean
    @Order(5)
    SecurityFilterChain adminArea(HttpSecurity http, StaffMembers staff, PasswordEncoder passwordEncoder,
            StaffSignIn signIn, StaffTwoFactor twoFactor, StaffTwoFactorStep twoFactorStep, AdminSettings settings,
            SecurityHeaders securityHeaders, CsrfRefusals csrfRefusals) throws Exception {
        HttpSessionSecurityContextRepository contexts = contexts();
        http.securityMatcher("/admin/**")
                .authenticationManager(staffAuthentication(staff, passwordEncoder))
                .securityContext(context -> context.securityContextRepository(contexts))
                // Staff always land on the clients list after login: no saved request.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(csrfRefusals))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/login", "/admin/setup-password", "/admin/setup-password/**",
                                StaffTwoFactorController.CODE_PATH)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/admin/**").hasAuthority(SignedInStaff.ROLE)
                        .requestMatchers(HttpMethod.POST, SUPPORT_MAY_POST).hasAuthority(SignedInStaff.ROLE)
                        .anyRequest().hasAuthority(SignedInStaff.ADMINISTRATOR))
                .formLogin(form -> form
                        .loginPage("/admin/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> {
                            SignedInStaff principal = (SignedInStaff) authentication.getPrincipal();
                            if (twoFactor.enrolled(principal.id())) {
                                twoFactorStep.begin(request, response, principal);
                                response.sendRedirect(request.getContextPath() + StaffTwoFactorController.CODE_PATH);
                                return;
                            }
                            signIn.succeeded(principal, request, response);
                            response.sendRedirect(request.getContextPath() + "/admin");
                        })
                        .failureHandler((request, response, exception) -> {
                            signIn.failed(request.getParameter("email"));
                            response.sendRedirect(request.getContextPath() + "/admin/login?error");
                        })
                        .permitAll())
                // Ends the Admin Area's session only: a Client Area login in the same browser has its own.
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl("/admin/login?logout"));
        http.addFilterBefore(new StaffStandingCheck(staff, settings, contexts), AuthorizationFilter.class);
        securityHeaders.apply(http);
        return http.build();
    }

    @Bean
    StaffTwoFactorStep staffTwoFactorStep(StaffSignIn signIn, Clock clock) {
        return new StaffTwoFactorStep(contexts(), signIn, clock);
    }

    /** Where the Admin Area keeps its login in the session: its own key, apart from the Client Area's. */
    static HttpSessionSecurityContextRepository contexts() {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SECURITY_CONTEXT_KEY);
        return contexts;
    }

    /** Like the Client Area's, before any password is checked; counted apart from it. */
    @Bean
    FilterRegistrationBean<LoginThrottle> staffLoginThrottle(LoginAttempts attempts) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(attempts, StaffSignIn.SCOPE, "/admin/login"));
        registration.setOrder(-101);
        return registration;
    }

    private static AuthenticationManager staffAuthentication(StaffMembers staff, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(email -> staff.findLogin(email)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials")));
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }
}
