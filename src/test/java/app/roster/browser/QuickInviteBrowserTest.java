package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Phone;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** At 1280 px the owner invites someone from the User Management page itself, without opening the long form. */
@IntegrationTest
@PageTest
class QuickInviteBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerInvitesFromUserManagementWithChosenPermissions() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        String email = Registrations.uniqueEmail("quinn");

        try (Browser owner = new Browser(port)) {
            owner.open("/login").fill("Email address", olga.email()).fill("Password", olga.password()).click("Log in")
                    .waitForPath("/");
            owner.chooseFromUserMenu("User Management").waitForPath("/users");
            assertThat(owner.find("#quick-invite-title").getText()).isEqualTo("Invite New User");
            owner.fill("Email address", email);
            owner.field("All Permissions").sendKeys(Keys.SPACE);
            assertThat(owner.field("View & Pay Invoices").isSelected()).isTrue();
            assertThat(owner.field("View & Pay Invoices").isEnabled()).isFalse();
            owner.field("Choose Permissions").sendKeys(Keys.SPACE);
            owner.check("View & Pay Invoices");
            Phone.screenshot(owner, "desktop-quick-invite");
            owner.click("Send Invite").waitForPath("/users");
            owner.waitForText("An invitation was sent to " + email + ".");

            long id = jdbc.sql("SELECT id FROM invitations WHERE account_id = ? AND email = ?").params(account, email)
                    .query(Long.class).single();
            assertThat(owner.find("tr[data-invitation-id='" + id + "']").getText())
                    .contains(email, "View & Pay Invoices").doesNotContain("View & Accept Quotes");
            assertThat(owner.field("Email address").getAttribute("value")).isEmpty();

            owner.click("More options, such as the language of the email").waitForPath("/users/invite");
        }
    }
}
