package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@PageTest
class InviteBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerInvitesSomeoneThenResendsEditsAndCancelsTheInvitation() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        String email = Registrations.uniqueEmail("ivy");

        try (Browser owner = new Browser(port)) {
            owner.open("/login").fill("Email address", olga.email()).fill("Password", olga.password()).click("Log in")
                    .waitForPath("/");
            owner.chooseFromUserMenu("User Management").waitForPath("/users");
            assertThat(owner.find("#invites-empty").getText()).isEqualTo("There are no pending invitations.");

            owner.click("Invite New User").waitForPath("/users/invite");
            owner.fill("Email address", email);
            tick(owner, "Choose Permissions");
            tick(owner, "View & Pay Invoices");
            new Select(owner.field("Language of the invitation email")).selectByVisibleText("Deutsch");
            press(owner, "Send Invite").waitForPath("/users");
            owner.waitForText("An invitation was sent to " + email + ".");
            long id = jdbc.sql("SELECT id FROM invitations WHERE account_id = ? AND email = ?").params(account, email)
                    .query(Long.class).single();
            String row = "tr[data-invitation-id='" + id + "']";
            assertThat(owner.find(row).getText()).contains(email, "Invite Sent: just now", "Olga Tester",
                    "View & Pay Invoices");
            String firstLink = tokenHash(id);

            owner.find(row + " button").sendKeys(Keys.ENTER);
            owner.waitForText("A new link was sent to " + email + "; the old one no longer works.");
            assertThat(tokenHash(id)).isNotEqualTo(firstLink);

            owner.find(row + " a[href$='/permissions']").sendKeys(Keys.ENTER);
            owner.waitForText("The invitation to " + email + ".");
            assertThat(owner.field("View & Pay Invoices").isSelected()).isTrue();
            tick(owner, "Choose Permissions");
            tick(owner, "View & Accept Quotes");
            press(owner, "Save Changes").waitForPath("/users");
            owner.waitForText("The permissions of the invitation to " + email + " were saved");
            assertThat(owner.find(row).getText()).contains("View & Pay Invoices", "View & Accept Quotes");

            owner.find(row + " a[href$='/cancel']").sendKeys(Keys.ENTER);
            owner.waitForText("Cancel the invitation to " + email + "? Its link stops working at once.");
            assertThat(status(id)).isEqualTo("PENDING");
            press(owner, "Yes, cancel the invitation").waitForPath("/users");
            owner.waitForText("The invitation to " + email + " was cancelled");
            assertThat(owner.findAllNow(row)).isEmpty();
            assertThat(status(id)).isEqualTo("CANCELLED");
        }
    }

    /** Selects a radio button or ticks a box with the keyboard, as a keyboard user does. */
    private static void tick(Browser browser, String label) {
        WebElement input = browser.field(label);
        if (!input.isSelected()) {
            input.sendKeys(Keys.SPACE);
        }
        assertThat(input.isSelected()).as(label).isTrue();
    }

    /** Activates a button with the keyboard (a smooth-scrolling page can move it away from a mouse click). */
    private static Browser press(Browser browser, String text) {
        browser.driver().findElement(By.xpath("//button[normalize-space(.)='" + text + "']")).sendKeys(Keys.ENTER);
        return browser;
    }

    private String tokenHash(long id) {
        return jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?").param(id).query(String.class).single();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM invitations WHERE id = ?").param(id).query(String.class).single();
    }
}
