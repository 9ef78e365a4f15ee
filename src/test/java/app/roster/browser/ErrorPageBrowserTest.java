package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class ErrorPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;


    @Test
    void unknownPagesSomeoneElsesAccountAndMisusedUrlsGetFriendlyPages() {
        Person gus = registrations.registerVerified("Gus");
        Person other = registrations.registerVerified("Other");
        long othersAccount = registrations.accountOf(other);
        try (Browser browser = new Browser(port)) {
            browser.open("/login").fill("Email address", gus.email()).fill("Password", gus.password())
                    .click("Log in").waitForPath("/");

            browser.open("/no-such-page").waitForText("Page not found");
            assertFriendly(browser, "This page does not exist, or it is not part of your account.");

            // A pasted or bookmarked action URL, and a mangled page number: a page, not a JSON problem.
            browser.open("/accounts/999999/select").waitForText("Something went wrong");
            assertFriendly(browser, "Please try again in a moment.");
            browser.open("/accounts?page=abc").waitForText("Something went wrong");
            assertFriendly(browser, "Please try again in a moment.");

            // The chooser's own form, pointed at an account Gus does not belong to: a real POST with CSRF token.
            browser.open("/accounts").waitForText("Choose an account");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "const form = document.querySelector('main form');"
                            + "form.action = '/accounts/' + arguments[0] + '/select'; form.submit();",
                    othersAccount);
            browser.waitForText("Page not found");
            assertFriendly(browser, "This page does not exist, or it is not part of your account.");
            assertThat(browser.path()).isEqualTo("/accounts/" + othersAccount + "/select");
        }
    }

    private static void assertFriendly(Browser browser, String explanation) {
        assertThat(browser.text()).contains(explanation).contains("Back to the start page")
                .doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("at app.roster")
                .doesNotContain("\"status\"");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
    }
}
