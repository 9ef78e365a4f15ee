package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Visitor;
import java.net.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityBaselineIT {

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/login", "/admin/login"}) {
            HttpHeaders headers = new Visitor(port).headers(path);
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        }
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
