package app.roster.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/** The headers every page carries, in both chains. Scripts only from our origin: no inline script anywhere. */
@Component
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private final boolean publicUrlIsHttps;

    SecurityHeaders(WebSettings settings) {
        this.publicUrlIsHttps = settings.baseUrl() != null && "https".equals(settings.baseUrl().getScheme());
    }

    public void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> {
                    hsts.includeSubDomains(true).maxAgeInSeconds(31536000);
                    // Behind a TLS-terminating proxy the request itself looks like plain HTTP.
                    if (publicUrlIsHttps) {
                        hsts.requestMatcher(request -> true);
                    }
                }));
    }
}
