package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class UserManagementBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerChangesPermissionsTheUserSeesThemThenRemovesAUserAndHandsOverOwnership() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        Person max = registrations.registerVerified("Max");
        long account = registrations.accountOf(olga);
        join(account, uma, "invoices");
        join(account, max, "users,invoices");

        try (Browser owner = new Browser(port); Browser user = new Browser(port)) {
            logIn(user, uma).waitForPath("/accounts");
            user.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]")).click();
            user.waitForPath("/");
            assertThat(myPermissions(user)).containsExactly("View & Pay Invoices");
            assertThat(userMenu(user)).doesNotContain("User Management", "Account details");

            logIn(owner, olga).waitForPath("/");
            owner.chooseFromUserMenu("User Management").waitForPath("/users");
            assertThat(owner.text()).contains("OWNER", "(you)", uma.email(), max.email());
            rowLink(owner, uma, "permissions").click();
            owner.waitForText("Manage Permissions");
            assertThat(owner.text()).contains("including billing information");
            owner.check("Choose Permissions");
            WebElement invoices = owner.field("View & Pay Invoices");
            assertThat(invoices.isSelected()).isTrue();
            pressSpace(invoices);
            pressSpace(owner.field("Manage Users"));
            pressSpace(owner.field("Modify Master Account Profile"));
            owner.click("Save Changes");
            owner.waitForText("Permissions saved for Uma Tester.");
            assertThat(owner.field("View & Pay Invoices").isSelected()).isFalse();
            assertThat(owner.field("Manage Users").isSelected()).isTrue();

            user.open("/");
            assertThat(myPermissions(user)).containsExactly("Modify Master Account Profile", "Manage Users");
            assertThat(userMenu(user)).contains("User Management", "Account details");
            user.chooseFromUserMenu("User Management").waitForPath("/users");
            rowLink(user, max, "permissions").click();
            user.waitForText("Manage Permissions");
            assertThat(user.field("View & Pay Invoices").isEnabled()).isFalse();
            assertThat(user.field("View & Pay Invoices").isSelected()).isTrue();
            assertThat(user.field("Manage Users").isEnabled()).isTrue();
            assertThat(user.findAll("#permissions-not-held")).hasSize(1);
            assertThat(user.find("#permissions-not-held").getText()).startsWith("You do not hold the permissions");
            assertThat(user.field("View & Pay Invoices").getAttribute("aria-describedby")).isEqualTo("permissions-not-held");

            owner.open("/users");
            rowLink(owner, max, "remove").click();
            owner.waitForText("Remove Max Tester from Olga Tester? They lose access at once.");
            owner.click("Remove").waitForPath("/users");
            owner.waitForText("Max Tester was removed from this account.");
            assertThat(owner.text()).doesNotContain(max.email());

            rowLink(owner, uma, "make-owner").click();
            owner.waitForText("Make Uma Tester the owner of Olga Tester?");
            owner.fill("Current password", "not-the-password-1").click("Transfer ownership");
            owner.waitForText("Your current password is not correct.");
            owner.fill("Current password", olga.password()).click("Transfer ownership");
            owner.waitForText("Uma Tester is now the owner of this account.");
            assertThat(owner.findAll("tr[data-user-id='" + uma.id() + "'] .badge")).hasSize(1);
            assertThat(owner.findAllNow("tr[data-user-id='" + olga.id() + "'] .badge")).isEmpty();

            user.open("/");
            assertThat(user.find("main").getText()).contains("OWNER");
        }
    }

    /** Ticks or unticks a box with the keyboard, as a keyboard user does. */
    private static void pressSpace(WebElement box) {
        box.sendKeys(Keys.SPACE);
    }

    private static WebElement rowLink(Browser browser, Person person, String action) {
        return browser.find("tr[data-user-id='" + person.id() + "'] a[href$='/" + action + "']");
    }

    private static List<String> myPermissions(Browser browser) {
        return browser.findAll("#my-permissions li").stream().map(WebElement::getText).toList();
    }

    private static String userMenu(Browser browser) {
        return browser.find("[aria-labelledby='user-menu']").getAttribute("textContent");
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
