package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.support.AccessibilityCheck;
import app.roster.support.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private static String page(String body) {
        String html = "<!DOCTYPE html><html lang='en'><head><title>Test</title></head><body>" + body + "</body></html>";
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
