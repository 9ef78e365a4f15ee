package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Secrets;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class TwoFactorBrowserTest {

    private static final String INVALID_CODE = "This code is not valid";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;


    @Test
    void turnsOnTwoFactorAndThenLogsInWithACodeFromTheApp() {
        Person dana = registrations.registerVerified("Dana");
        try (Browser browser = new Browser(port)) {
            logIn(browser, dana).waitForPath("/");
            String secret = turnOnTwoFactor(browser);
            assertThat(browser.findAll("#recovery-codes li")).hasSize(10);

            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");
            logIn(browser, dana).waitForPath("/login/two-factor");
            assertThat(browser.text()).contains("Enter the 6-digit code from your authenticator app");
            browser.open("/").waitForPath("/login");

            logIn(browser, dana).waitForPath("/login/two-factor");
            browser.fill("Code", codeNotValidNow(secret)).click("Verify").waitForText(INVALID_CODE);
            // The enrolment code's step counts as used: the app's next code is the one that opens.
            browser.fill("Code", nextCode(secret)).click("Verify").waitForPath("/");
            assertThat(browser.text()).contains("Hello, Dana!").contains("Dana Tester");
        }
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        Person eli = registrations.registerVerified("Eli");
        try (Browser browser = new Browser(port)) {
            logIn(browser, eli).waitForPath("/");
            turnOnTwoFactor(browser);
            String recoveryCode = browser.find("#recovery-codes li").getText();
            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");

            logIn(browser, eli).waitForPath("/login/two-factor");
            browser.fill("Code", recoveryCode).click("Verify").waitForPath("/");
            assertThat(browser.text()).contains("Hello, Eli!");
            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");

            logIn(browser, eli).waitForPath("/login/two-factor");
            browser.fill("Code", recoveryCode).click("Verify").waitForText(INVALID_CODE);
            assertThat(browser.path()).isEqualTo("/login/two-factor");
            browser.open("/").waitForPath("/login");
        }
    }

    /** From the dashboard to the recovery codes page; answers the key the app would have scanned. */
    private static String turnOnTwoFactor(Browser browser) {
        browser.chooseFromUserMenu("Security").waitForPath("/profile/security");
        browser.click("Turn on two-factor authentication").waitForPath("/profile/two-factor");
        String secret = browser.find("#secret").getText();
        browser.fill("Code", currentCode(secret)).click("Turn on two-factor authentication")
                .waitForText("Two-factor authentication is on");
        List<String> codes = browser.findAll("#recovery-codes li").stream().map(WebElement::getText).toList();
        assertThat(codes).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).isNotBlank());
        return secret;
    }

    private static Browser logIn(Browser browser, Person person) {
        return browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in");
    }

    private static String currentCode(String secret) {
        return code(secret, Instant.now().getEpochSecond() / 30);
    }

    /** The code of the next 30-second step: accepted now (one step of clock drift) and never used before. */
    private static String nextCode(String secret) {
        return code(secret, Instant.now().getEpochSecond() / 30 + 1);
    }

    /** A well-formed code that no time step the server accepts now (one either side) would produce. */
    private static String codeNotValidNow(String secret) {
        long step = Instant.now().getEpochSecond() / 30;
        Set<String> valid = LongStream.rangeClosed(step - 2, step + 2).mapToObj(s -> code(secret, s))
                .collect(Collectors.toSet());
        return LongStream.range(0, 1_000_000).mapToObj(n -> "%06d".formatted(n)).filter(c -> !valid.contains(c))
                .findFirst().orElseThrow();
    }

    private static String code(String secret, long timeStep) {
        try {
            return new DefaultCodeGenerator().generate(Secrets.record("TOTP secret", secret), timeStep);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
