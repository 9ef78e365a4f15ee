package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class ForgotPasswordBrowserTest {

    private static final String NEW_PASSWORD = "copper-lantern-meadow-77";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    /** Emailed links use it, never the Host the browser sent (127.0.0.1 and a random port here). */
    @Value("${roster.base-url}")
    String baseUrl;
    @Autowired
    JdbcClient jdbc;


    @Test
    void aPersonWhoForgotTheirPasswordChoosesANewOneWithTheEmailedLink() {
        Person cleo = registrations.registerVerified("Cleo");
        String nobody = Registrations.uniqueEmail("nobody");
        try (Browser browser = new Browser(port)) {
            String unknownAnswer = askForALink(browser, nobody);
            String knownAnswer = askForALink(browser, cleo.email());
            assertThat(knownAnswer).isEqualTo(unknownAnswer).contains("Check your inbox");

            MimeMessage mail = Mailbox.shared().awaitSubject(cleo.email(), "Reset your");
            String link = Mailbox.link(mail, "/password/reset");
            assertThat(link).startsWith(baseUrl + "/password/reset?token=");
            // The unknown address was asked for first; by now its email would have been written and sent.
            assertThat(Mailbox.shared().messagesTo(nobody)).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(nobody.toLowerCase())
                    .query(Integer.class).single()).isZero();

            browser.openEmailed(link).waitForText("Choose a new password");
            assertThat(browser.path()).isEqualTo("/password/reset");
            browser.fill("New password", NEW_PASSWORD).click("Save the new password").waitForPath("/login?reset");
            assertThat(browser.text()).contains("Your password was changed. Please log in with the new one.");

            logIn(browser, cleo.email(), cleo.password()).waitForPath("/login?error");
            assertThat(browser.text()).contains("The email address or password is not correct.");
            logIn(browser, cleo.email(), NEW_PASSWORD).waitForPath("/");
            assertThat(browser.text()).contains("Hello, Cleo!");

            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");
            browser.openEmailed(link).waitForText("This link is not valid");
            assertThat(browser.text()).doesNotContain("Choose a new password");
        }
    }

    private static String askForALink(Browser browser, String email) {
        browser.open("/login").click("Forgot your password?").waitForText("Send me a link")
                .fill("Email address", email).click("Send me a link").waitForText("Check your inbox");
        return browser.find("main").getText();
    }

    private static Browser logIn(Browser browser, String email, String password) {
        return browser.open("/login").fill("Email address", email).fill("Password", password).click("Log in");
    }
}
