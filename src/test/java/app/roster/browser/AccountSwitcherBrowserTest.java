package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.account.AccountProfile;
import app.roster.account.OpenAccount;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class AccountSwitcherBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    OpenAccount openAccount;
    @Autowired
    JdbcClient jdbc;


    @Test
    void anOwnerOfTwoAccountsChoosesOneSwitchesAndFindsTheLastUsedFirstAtTheNextLogin() {
        Person finn = registrations.registerVerified("Finn");
        openAccount.open(AccountProfile.named("Second Ltd"), finn.id());
        try (Browser browser = new Browser(port)) {
            logIn(browser, finn).waitForPath("/accounts");
            assertThat(browser.text()).contains("Choose an account").contains("Finn Tester").contains("Second Ltd");

            pickFromChooser(browser, "Second Ltd");
            browser.waitForPath("/");
            assertThat(heading(browser)).isEqualTo("Second Ltd");
            assertThat(browser.find("#account-switcher").getText()).isEqualTo("Second Ltd");

            browser.chooseFromAccountSwitcher("Finn Tester").waitForPath("/");
            browser.waitForText("Finn Tester");
            assertThat(heading(browser)).isEqualTo("Finn Tester");
            assertThat(browser.find("#account-switcher").getText()).isEqualTo("Finn Tester");

            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");
            logIn(browser, finn).waitForPath("/accounts");
            assertThat(browser.find("main form button").getText()).as("the last used first, marked")
                    .contains("Finn Tester").contains("Last used");
            pickFromChooser(browser, "Finn Tester");
            browser.waitForPath("/");
            assertThat(heading(browser)).isEqualTo("Finn Tester");
            assertThat(browser.find("#account-switcher").getText()).isEqualTo("Finn Tester");
        }
    }

    private static void pickFromChooser(Browser browser, String accountName) {
        browser.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='" + accountName + "']]"))
                .click();
    }

    private static String heading(Browser browser) {
        return browser.find("main h1").getText();
    }

    private static Browser logIn(Browser browser, Person person) {
        return browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in");
    }
}
