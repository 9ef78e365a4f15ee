package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Security page names the session's device in words; the raw user-agent string stays in its title. */
@IntegrationTest
@PageTest
class SecurityPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    @Test
    void theSessionShowsBrowserAndSystemWithTheRawStringOnHover() {
        Person gus = registrations.registerVerified("Gus");
        try (Browser browser = new Browser(port)) {
            browser.open("/login").fill("Email address", gus.email()).fill("Password", gus.password())
                    .click("Log in").waitForPath("/");
            browser.click("Security").waitForText("Active sessions");

            WebElement device = browser.find("#sessions tbody tr td:nth-child(4)");
            assertThat(device.getText()).endsWith(" on Linux").doesNotContain("Mozilla");
            assertThat(device.getAttribute("title")).startsWith("Mozilla/5.0");
        }
    }
}
