package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The permission picker at 1280 px: what All Permissions and a preset do to the boxes, with and without script. */
@IntegrationTest
@PageTest
class PermissionPickerBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermissionCatalogue catalogue;

    @Test
    void allPermissionsAndAPresetTickAndDisableTheBoxesAndChooseGivesTheChoiceBack() throws IOException {
        Person olga = registrations.registerVerified("Olga");
        Person pia = registrations.registerVerified("Pia");
        Person max = registrations.registerVerified("Max");
        long account = registrations.accountOf(olga);
        join(account, pia, "invoices");
        join(account, max, "users,invoices,quotes");

        try (Browser owner = new Browser(port); Browser manager = new Browser(port)) {
            logIn(owner, olga).waitForPath("/");
            owner.open("/users/" + pia.id() + "/permissions").waitForText("Manage Permissions");
            assertThat(owner.field("Choose Permissions").isSelected()).isTrue();
            assertThat(owner.findAllNow("#permissions-not-held")).isEmpty();
            assertThat(owner.text()).doesNotContain("greyed out");
            owner.field("View & Accept Quotes").click();

            owner.check("All Permissions");
            assertThat(boxes(owner)).allSatisfy(box -> {
                assertThat(box.isSelected()).isTrue();
                assertThat(box.isEnabled()).isFalse();
            });
            owner.check("Preset: Billing Manager");
            assertThat(ticked(owner)).containsExactlyInAnyOrder("profile", "invoices", "quotes", "orders");
            assertThat(boxes(owner)).noneMatch(WebElement::isEnabled);
            owner.check("Choose Permissions");
            assertThat(ticked(owner)).containsExactlyInAnyOrder("invoices", "quotes");
            assertThat(boxes(owner)).allMatch(WebElement::isEnabled);

            owner.check("All Permissions");
            screenshot(owner, "permission-picker-all-1280.png");
            owner.click("Save Changes").waitForText("Permissions saved for Pia Tester.");
            assertThat(stored(account, pia)).isEqualTo(new TreeSet<>(catalogue.everything()));
            assertThat(owner.field("All Permissions").isSelected()).isTrue();
            assertThat(boxes(owner)).allMatch(WebElement::isSelected).noneMatch(WebElement::isEnabled);
            owner.open("/users");
            assertThat(owner.find("tr[data-user-id='" + pia.id() + "'] td:nth-child(2)").getText())
                    .isEqualTo("All permissions");

            logIn(manager, max).waitForPath("/accounts");
            manager.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]")).click();
            manager.waitForPath("/");
            manager.open("/users/" + pia.id() + "/permissions").waitForText("Manage Permissions");
            assertThat(manager.findAllNow("#mode-all")).isEmpty();
            assertThat(manager.text()).doesNotContain("Preset: Billing Manager", "Preset: Administrator");
            assertThat(manager.findAll("#permissions-not-held")).hasSize(1);
            WebElement profile = manager.field("Modify Master Account Profile");
            assertThat(profile.isSelected()).isTrue();
            assertThat(profile.isEnabled()).isFalse();
            assertThat(profile.getAttribute("aria-describedby")).contains("permissions-not-held");
            assertThat(manager.field("View & Accept Quotes").isEnabled()).isTrue();
            screenshot(manager, "permission-picker-manager-1280.png");
        }
    }

    @Test
    void withoutScriptTheServerDecidesFromTheRadio() {
        Person olga = registrations.registerVerified("Olga");
        Person pia = registrations.registerVerified("Pia");
        long account = registrations.accountOf(olga);
        join(account, pia, "invoices");

        try (Browser owner = Browser.withoutJavaScript(port)) {
            logIn(owner, olga).waitForPath("/");
            owner.open("/users/" + pia.id() + "/permissions").waitForText("Manage Permissions");
            owner.check("All Permissions");
            assertThat(boxes(owner)).allMatch(WebElement::isEnabled);
            owner.click("Save Changes").waitForText("Permissions saved for Pia Tester.");

            assertThat(stored(account, pia)).isEqualTo(new TreeSet<>(catalogue.everything()));
            assertThat(boxes(owner)).allMatch(WebElement::isSelected);
        }
    }

    private static List<WebElement> boxes(Browser browser) {
        return browser.findAll("#permission-boxes input[type=checkbox]");
    }

    private static List<String> ticked(Browser browser) {
        return boxes(browser).stream().filter(WebElement::isSelected).map(box -> box.getAttribute("value")).toList();
    }

    private static void screenshot(Browser browser, String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private TreeSet<String> stored(long accountId, Person person) {
        return new TreeSet<>(List.of(jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, person.id()).query(String.class).single().split(",")));
    }

    private void join(long accountId, Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    private static Browser logIn(Browser browser, Person person) {
        return browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in");
    }
}
