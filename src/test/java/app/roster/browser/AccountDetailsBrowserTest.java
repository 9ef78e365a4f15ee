package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.account.Accounts;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The owner renames the account and picks its country from the list, at 1280 px. */
@IntegrationTest
@PageTest
class AccountDetailsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;

    @Test
    void theOwnerRenamesTheAccountAndChoosesItsCountryByName() throws IOException {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);

        try (Browser owner = new Browser(port)) {
            owner.open("/login").fill("Email address", olga.email()).fill("Password", olga.password())
                    .click("Log in").waitForPath("/");
            owner.open("/account").waitForText("Account details");
            assertThat(owner.field("Account name").getAttribute("value")).isEqualTo("Olga Tester");
            assertThat(owner.find("#name-hint").getText()).contains("account switcher");
            owner.fill("Account name", "Olga Hosting").fill("Company", "Olga Hosting GmbH");
            Select country = new Select(owner.field("Country"));
            assertThat(country.getFirstSelectedOption().getText()).isEqualTo("— Not given —");
            country.selectByVisibleText("Germany");
            screenshot(owner, "account-details-1280.png");
            owner.click("Save").waitForText("The account details were saved.");

            assertThat(new Select(owner.field("Country")).getFirstSelectedOption().getText()).isEqualTo("Germany");
            assertThat(owner.find("h1").getText()).isEqualTo("Account details");
        }
        var profile = accounts.findById(account).orElseThrow().profile();
        assertThat(profile.name()).isEqualTo("Olga Hosting");
        assertThat(profile.companyName()).isEqualTo("Olga Hosting GmbH");
        assertThat(profile.country()).isEqualTo("DE");
    }

    private static void screenshot(Browser browser, String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
