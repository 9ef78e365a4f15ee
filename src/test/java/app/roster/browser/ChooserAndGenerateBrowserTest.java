package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.invitation.InvitationEvents;
import app.roster.invitation.SendInvitation;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Tenants;
import app.roster.support.Tenants.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The chooser after login, and "Generate" on the sign-up forms, at a desktop's and a phone's width. */
@IntegrationTest
@PageTest
@RecordApplicationEvents
class ChooserAndGenerateBrowserTest {

    private static final int[] WIDTHS = {1280, 375};

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    Tenants tenants;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ApplicationEvents events;

    @Test
    void aUserOfTwoAccountsChoosesAfterLoginWithTheLastUsedFirstAndMarked() throws IOException {
        Tenant tenant = tenants.withMember("invoices");
        Person max = tenant.member();
        for (int width : WIDTHS) {
            try (Browser browser = new Browser(port)) {
                atWidth(browser, width);
                logIn(browser, max).waitForPath("/accounts");
                browser.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]"))
                        .click();
                browser.waitForPath("/");
                assertThat(browser.find("main h1").getText()).isEqualTo("Olga Tester");
                browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");

                logIn(browser, max).waitForPath("/accounts").waitForText("Last used");
                WebElement first = browser.find("main form button");
                assertThat(first.getText()).contains("Olga Tester").contains("Last used");
                assertThat(browser.findAll("main form button").get(1).getText()).contains("Max Tester")
                        .doesNotContain("Last used");
                assertNoHorizontalScroll(browser);
                screenshot(browser, "chooser-" + width);

                first.sendKeys(Keys.ENTER);
                browser.waitForPath("/");
                assertThat(browser.find("main h1").getText()).isEqualTo("Olga Tester");
                assertThat(browser.find("#account-switcher").getText()).as("the header switcher stays")
                        .isEqualTo("Olga Tester");
                atWidth(browser, 1280);
            }
        }
    }

    @Test
    void theAcceptPageFillsInTheInvitedAddressAndGenerateFillsAStrongPassword() throws IOException {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        String invited = Registrations.uniqueEmail("invited");
        sendInvitation.send(new Actor.Member(olga.id(), account), account, EmailAddress.of(invited),
                Set.of("invoices"), Language.EN);
        String link = events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b)
                .orElseThrow().link();
        for (int width : WIDTHS) {
            try (Browser browser = new Browser(port)) {
                atWidth(browser, width);
                browser.openEmailed(link).waitForText("You have been invited to");
                WebElement email = browser.field("Email address for your new login");
                assertThat(email.getDomProperty("value")).isEqualTo(invited);
                screenshot(browser, "accept-prefilled-" + width);
                browser.fill("Email address for your new login", "someone-else@example.test");
                assertThat(email.getDomProperty("value")).as("editable").isEqualTo("someone-else@example.test");

                generate(browser, "Choose a password");
                assertNoHorizontalScroll(browser);
                screenshot(browser, "accept-generate-" + width);
                atWidth(browser, 1280);
            }
        }
    }

    @Test
    void theRegisterPageHasTheSameGenerateButtonWorkingByKeyboard() throws IOException {
        try (Browser browser = new Browser(port)) {
            browser.open("/register").waitForText("Register");
            browser.fill("First name", "Rita").fill("Last name", "Random");
            WebElement button = browser.find("#password-generate");
            assertThat(button.getText()).isEqualTo("Generate");
            assertThat(browser.find("#" + button.getDomAttribute("aria-describedby")).getText())
                    .contains("strong random password");
            button.sendKeys(Keys.ENTER);
            WebElement password = browser.field("Password");
            browser.waitForText("Password strength: strong");
            assertThat(password.getDomAttribute("type")).isEqualTo("text");
            assertThat(password.getDomProperty("value")).hasSize(20);
            screenshot(browser, "register-generate-1280");
        }
    }

    private static void generate(Browser browser, String passwordLabel) {
        WebElement password = browser.field(passwordLabel);
        assertThat(password.getDomAttribute("type")).isEqualTo("password");
        browser.click("Generate").waitForText("Password strength: strong");
        String first = password.getDomProperty("value");
        assertThat(first).hasSize(20);
        assertThat(password.getDomAttribute("type")).as("shown, so it can be copied").isEqualTo("text");
        assertThat(browser.find("[data-strength-for]").getDomAttribute("aria-valuenow")).isEqualTo("4");
        browser.click("Generate");
        assertThat(password.getDomProperty("value")).as("a new one each time").hasSize(20).isNotEqualTo(first);
    }

    private static Browser logIn(Browser browser, Person person) {
        return browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in");
    }

    /** Back at 1280 before the Chromium goes back to the pool: its usual size, for the next test. */
    private static void atWidth(Browser browser, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, width == 1280 ? 1000 : 900));
    }

    private static void assertNoHorizontalScroll(Browser browser) {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("no horizontal scrolling of the page").isLessThanOrEqualTo(0);
    }

    private static void screenshot(Browser browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
