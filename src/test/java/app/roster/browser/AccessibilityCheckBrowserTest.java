package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.support.AccessibilityCheck;
import app.roster.support.Browser;
import app.roster.support.Phone;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check the browser tests run on every page: it fails a page with a known violation, and only such a page. */
class AccessibilityCheckBrowserTest {

    @Test
    void aPageWithAnUnlabelledFieldAndANamelessButtonFailsNamingRuleTargetAndHelp() {
        try (Browser browser = new Browser(1)) {
            browser.driver().get(page("<main><h1>Search</h1><input type='search' id='q'><button id='go'></button></main>"));

            assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(browser.driver()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("label").hasMessageContaining("#q")
                    .hasMessageContaining("button-name").hasMessageContaining("#go")
                    .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
        }
    }

    @Test
    void anAccessibleNameThatDoesNotStartWithTheVisibleTextFails() {
        try (Browser browser = new Browser(1)) {
            browser.driver().get(page("<main><h1>Invites</h1><a id='resend' href='#' "
                    + "aria-label='Send the invitation again to j@example.test'>Resend Invite</a></main>"));

            assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(browser.driver()))
                    .hasMessageContaining("label-content-name-mismatch").hasMessageContaining("#resend");

            browser.driver().get(page("<main><h1>Invites</h1><a id='resend' href='#' "
                    + "aria-label='Resend Invite, j@example.test'>Resend Invite</a></main>"));
            assertThat(AccessibilityCheck.violations(browser.driver())).isEmpty();
        }
    }

    @Test
    void aPageWithLabelsAndLandmarksPasses() {
        try (Browser browser = new Browser(1)) {
            browser.driver().get(page("<main><h1>Search</h1><label for='q'>Search users</label>"
                    + "<input type='search' id='q'><button id='go'>Search</button></main>"));

            assertThat(AccessibilityCheck.violations(browser.driver())).isEmpty();
        }
    }

    @Test
    void aPageCheckedAtDesktopWidthIsCheckedAgainOnAPhone() throws IOException {
        // Grey on white below Bootstrap's md breakpoint only: axe's colour-contrast rule fails it at 375 px alone.
        String path = "/phone-only-" + UUID.randomUUID();
        byte[] html = ("<!DOCTYPE html><html lang='en'><head><title>Test</title>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                + "<style>@media (max-width: 767.98px) { #faint { color: #ccc; } }</style></head>"
                + "<body><main><h1>Cards</h1><p id='faint'>Expires</p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        try (Browser browser = new Browser(server.getAddress().getPort())) {
            browser.open(path);
            try (Phone phone = Phone.of(browser)) {
                assertThatThrownBy(() -> browser.open(path)).hasMessageContaining("color-contrast")
                        .hasMessageContaining("#faint");
            }
        } finally {
            server.stop(0);
        }
    }

    private static String page(String body) {
        String html = "<!DOCTYPE html><html lang='en'><head><title>Test</title></head><body>" + body + "</body></html>";
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
