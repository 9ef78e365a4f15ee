package app.roster.web;

import app.roster.shared.FormTargets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
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
            + "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; form-action 'self'%s; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final boolean publicUrlIsHttps;
    private final ObjectProvider<FormTargets> formTargets;

    SecurityHeaders(WebSettings settings, ObjectProvider<FormTargets> formTargets) {
        this.publicUrlIsHttps = settings.baseUrl() != null && "https".equals(settings.baseUrl().getScheme());
        this.formTargets = formTargets;
    }

    /** The headers of a chain whose forms only ever lead to Roster itself. */
    public void apply(HttpSecurity http) throws Exception {
        apply(http, Set::of);
    }

    /**
     * The Client Area's: its sign-in forms may end, through the authorization endpoint's redirect, at a registered
     * application's redirect URI ({@link FormTargets}), which Chrome checks against {@code form-action} too.
     */
    public void applyWithFormTargets(HttpSecurity http) throws Exception {
        apply(http, () -> formTargets.orderedStream().flatMap(targets -> targets.origins().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private void apply(HttpSecurity http, Supplier<Set<String>> targets) throws Exception {
        http.headers(headers -> headers
                .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                        CONTENT_SECURITY_POLICY.formatted(targets.get().stream().map(origin -> " " + origin)
                                .collect(Collectors.joining()))))
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
