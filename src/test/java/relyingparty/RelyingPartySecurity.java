package relyingparty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Every page needs a Roster sign-in; logging out here also logs out of Roster (RP-initiated logout, back to
 * {@code /signed-out}); Roster's back-channel logout tokens end the sessions here.
 */
@Configuration(proxyBeanMethods = false)
class RelyingPartySecurity {

    @Bean
    ReceivedLogouts receivedLogouts() {
        return new ReceivedLogouts();
    }

    @Bean
    SecurityFilterChain shopSecurity(HttpSecurity http, ClientRegistrationRepository clients,
            ReceivedLogouts received) throws Exception {
        var signOutAtRoster = new OidcClientInitiatedLogoutSuccessHandler(clients);
        signOutAtRoster.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/signed-out").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtRoster))
                .addFilterBefore(received.filter(), CsrfFilter.class);
        return http.build();
    }
}
