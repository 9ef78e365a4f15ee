package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@PageTest
class RegistrationJourneyBrowserTest {

    private static final String PASSWORD = "marble-orchard-lighthouse-91";

    @LocalServerPort
    int port;
    /** Emailed links use it, never the Host the browser sent (127.0.0.1 and a random port here). */
    @Value("${roster.base-url}")
    String baseUrl;

    @Test
    void registersVerifiesLogsInEditsTheAccountAndLogsOutAndInAgain() {
        String email = Registrations.uniqueEmail("ana");
        try (Browser browser = new Browser(port)) {
            browser.open("/register").waitForText("Create your account")
                    .fill("First name", "Ana").fill("Last name", "Lopez").fill("Email address", email);
            assertThat(browser.find("#password-strength").getText()).isEqualTo("Password strength: enter a password");
            browser.fill("Password", PASSWORD).waitForText("Password strength: strong");
            browser.check("I have read and agree to the Terms of Service").click("Register")
                    .waitForText("Check your inbox");
            assertThat(browser.text()).contains(email);

            MimeMessage mail = Mailbox.shared().awaitSubject(email, "Verify your email address");
            String link = Mailbox.link(mail, "/verify-email");
            assertThat(link).startsWith(baseUrl + "/verify-email?token=");
            browser.openEmailed(link).waitForText("Confirm that this email address is yours.");
            assertThat(browser.path()).isEqualTo("/verify-email");
            browser.click("Verify my email address").waitForText("Your email address is verified");

            logIn(browser, email, PASSWORD);
            assertThat(browser.text()).contains("Hello, Ana!").contains("Ana Lopez")
                    .doesNotContain("Please verify your email address");

            browser.chooseFromUserMenu("Account details").waitForPath("/account");
            browser.fill("Company", "Lopez Hosting SL").click("Save").waitForText("The account details were saved.");
            assertThat(browser.field("Company").getDomProperty("value")).isEqualTo("Lopez Hosting SL");

            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");
            browser.open("/account").waitForPath("/login");

            logIn(browser, email, PASSWORD, "/account");
            assertThat(browser.text()).as("the page she was sent to log in for").contains("Hello, Ana!")
                    .contains("Account details");
            assertThat(browser.field("Company").getDomProperty("value")).isEqualTo("Lopez Hosting SL");
        }
    }

    private static void logIn(Browser browser, String email, String password) {
        logIn(browser, email, password, "/");
    }

    private static void logIn(Browser browser, String email, String password, String landing) {
        browser.open("/login").fill("Email address", email).fill("Password", password).click("Log in")
                .waitForPath(landing);
    }
}
