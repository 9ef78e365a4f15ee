package relyingparty;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A small application that signs its users in with Roster, the way a hosting platform's other applications would:
 * Spring Security's OAuth2 client, configured by properties only ({@link #properties}), with back-channel logout.
 * Outside {@code app.roster}, so Roster's component scan never sees it; it imports only the auto-configurations it
 * needs (no data source, no Flyway, no sessions in a database, no mail) and reads no {@code application.yml}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
        OAuth2ClientWebSecurityAutoConfiguration.class})
@Import({RelyingPartySecurity.class, RelyingPartyPages.class})
public class RelyingParty {

    /** Starts it on {@code port}, signing in with the Roster at {@code issuer} as the given client. */
    public static ConfigurableApplicationContext start(int port, String issuer, String clientId, String secret) {
        return new SpringApplicationBuilder(RelyingParty.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties(port, issuer, clientId, secret))
                .run();
    }

    /** Everything an application needs to sign in with Roster; the README shows the same as YAML. */
    static Map<String, Object> properties(int port, String issuer, String clientId, String secret) {
        String registration = "spring.security.oauth2.client.registration.roster.";
        return Map.of(
                "spring.config.name", "relyingparty",
                "server.port", port,
                "spring.security.oauth2.client.provider.roster.issuer-uri", issuer,
                registration + "client-id", clientId,
                registration + "client-secret", secret,
                registration + "scope", "openid,profile,email,account",
                registration + "authorization-grant-type", "authorization_code",
                registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
                "spring.main.banner-mode", "off");
    }
}
