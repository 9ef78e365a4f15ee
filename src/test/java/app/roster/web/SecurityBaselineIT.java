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
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@PageTest
class SecurityBaselineIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/login", "/admin/login"}) {
            HttpHeaders headers = new Visitor(port).headers(path);
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString().contains("base-uri 'none'")
                    .doesNotContain("base-uri 'self'");
            assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        }
    }

    @Test
    void htmxMayNotEvaluateCodeInEitherArea() {
        for (String path : new String[] {"/login", "/admin/login"}) {
            Document page = new Visitor(port).get(path).html();
            JsonNode config = JsonMapper.shared().readTree(page.selectFirst("meta[name=htmx-config]").attr("content"));
            assertThat(config.path("allowEval").isBoolean()).as(path).isTrue();
            assertThat(config.path("allowEval").asBoolean()).as(path).isFalse();
        }
    }

    @Test
    void logoutClearsTheCacheAndOnlyItsOwnAreasCookie() {
        Person jane = registrations.registerVerified("Jane");
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(staffEmail, "Staff", encoder.encode(Registrations.PASSWORD), Timestamp.from(Instant.now()))
                .update();
        Visitor browser = new Visitor(port);
        browser.login(jane.email(), jane.password());
        browser.get("/admin/login");
        browser.post("/admin/login", Map.of("email", staffEmail, "password", Registrations.PASSWORD));
        browser.get("/admin");

        Visitor.Page staffLogout = browser.post("/admin/logout", Map.of());
        browser.get("/profile");
        Visitor.Page userLogout = browser.post("/logout", Map.of());

        assertThat(staffLogout.location()).endsWith("/admin/login?logout");
        assertThat(userLogout.location()).endsWith("/login?logout");
        for (Visitor.Page logout : List.of(staffLogout, userLogout)) {
            // "cookies" would also clear the other area's login (and the language): only the cache goes.
            assertThat(logout.headers().allValues("Clear-Site-Data")).containsExactly("\"cache\"");
        }
        assertThat(staffLogout.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("ROSTER_ADMIN_SESSION=;"))
                .noneMatch(c -> c.startsWith("ROSTER_SESSION="));
        assertThat(userLogout.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("ROSTER_SESSION=;"))
                .noneMatch(c -> c.startsWith("ROSTER_ADMIN_SESSION="));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Visitor visitor = new Visitor(port);
        String setCookie = visitor.headers("/login").allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ROSTER_SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void pagesHaveNoInlineScript() {
        String body = new Visitor(port).get("/register").body();
        assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(body).doesNotContain(" onclick=").doesNotContain(" style=\"");
    }

    @Test
    void anUnknownPageIsAFriendly404WithoutInternals() {
        Visitor.Page page = new Visitor(port).get("/login/../no-such-page");
        Visitor.Page api = new Visitor(port).get("/error");
        assertThat(page.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
        assertThat(api.body()).doesNotContain("Whitelabel").doesNotContain("trace");
    }
}
