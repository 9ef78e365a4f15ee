package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.net.http.HttpHeaders;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** Behind a TLS-terminating proxy the public URL says https even though the request arrives as http. */
@IntegrationTest
@PageTest
@TestPropertySource(properties = "roster.base-url=https://clients.example.com")
class HttpsDeploymentIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyResponseCarriesHsts() {
        assertThat(new Visitor(port).headers("/login").firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void eachAreasSessionCookieCarriesTheHostPrefix() {
        String client = cookie(new Visitor(port).headers("/login"), "__Host-ROSTER_SESSION=");
        String admin = cookie(new Visitor(port).headers("/admin/login"), "__Host-ROSTER_ADMIN_SESSION=");

        for (String cookie : List.of(client, admin)) {
            // What a browser demands of a __Host- cookie: Secure, Path=/ and no Domain.
            assertThat(cookie).containsPattern("; Path=/(;|$)").contains("; Secure").doesNotContain("Domain=")
                    .contains("HttpOnly").contains("SameSite=Lax");
        }
    }

    @Test
    void theLanguageCookieIsSecureToo() {
        String language = cookie(new Visitor(port).headers("/login?lang=fr"), "roster-lang=");

        assertThat(language).contains("Secure").contains("HttpOnly");
    }

    @Test
    void bothAreasStayApartWithTheirCookiesOnTheSamePath() {
        Person jane = registrations.registerVerified("Jane");
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(staffEmail, "Staff", encoder.encode(Registrations.PASSWORD), Timestamp.from(Instant.now()))
                .update();
        Visitor browser = Visitor.behindTls(port);
        assertThat(browser.login(jane.email(), jane.password()).text()).contains("Hello, Jane!");
        browser.get("/admin/login");
        assertThat(browser.post("/admin/login", Map.of("email", staffEmail, "password", Registrations.PASSWORD))
                .location()).endsWith("/admin");
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        browser.post("/admin/logout", Map.of());

        assertThat(browser.get("/admin").location()).endsWith("/admin/login");
        assertThat(browser.get("/profile").status()).isEqualTo(200);
        assertThat(browser.cookie("__Host-ROSTER_SESSION")).isNotNull();
    }

    private static String cookie(HttpHeaders headers, String prefix) {
        return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No cookie " + prefix + " in " + headers.allValues("Set-Cookie")));
    }
}
