package app.roster.web;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The headers every page carries, in both chains: scripts only from our origin (no inline script anywhere),
 * relative redirects, and a logout that clears the browser's cache. Images may also come from https origins: the
 * logos of the applications that sign in through Roster, loaded without a referrer.
 */
@Component
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final boolean publicUrlIsHttps;

    SecurityHeaders(WebSettings settings) {
        this.publicUrlIsHttps = settings.baseUrl() != null && "https".equals(settings.baseUrl().getScheme());
    }

    public void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> {
                    hsts.includeSubDomains(true).maxAgeInSeconds(31536000);
                    // Behind a TLS-terminating proxy the request itself looks like plain HTTP.
                    if (publicUrlIsHttps) {
                        hsts.requestMatcher(request -> true);
                    }
                }));
        // Not "cookies": for one origin it would also end the other area's login (and forget the language).
        // The area's own session cookie is expired by name when its session ends. Written on plain HTTP
        // too (unlike Spring Security's writer), since behind a TLS proxy the browser still sees HTTPS.
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) ->
                response.setHeader("Clear-Site-Data", "\"cache\"")));
        // The login page's redirect would otherwise be built from the request's Host header.
        http.formLogin(form -> form.withObjectPostProcessor(new ObjectPostProcessor<LoginUrlAuthenticationEntryPoint>() {
            @Override
            public <O extends LoginUrlAuthenticationEntryPoint> O postProcess(O entryPoint) {
                entryPoint.setFavorRelativeUris(true);
                return entryPoint;
            }
        }));
    }
}
