package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Phone;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At 375 px (a phone) no page scrolls sideways: lists become stacked cards, each value headed by its column's
 * name, and the header brand keeps its margin. Screenshots go to target/screenshots/.
 */
@IntegrationTest
@PageTest
public class PhoneLayoutBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theClientAreaPagesFitAPhoneAndTheListsBecomeCards() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        long account = registrations.accountOf(olga);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, uma.id(), "invoices,quotes,tickets,domains", Timestamp.from(Instant.now())).update();
        String invited = Registrations.uniqueEmail("a-rather-long-invited-address");
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id, token_hash, status,
                                         sent_at, expires_at, created_at)
                VALUES (?, ?, 'invoices,quotes,orders', 'en', ?, ?, 'PENDING', ?, ?, ?)""")
                .params(account, invited, olga.id(), UUID.randomUUID().toString().replace("-", "")
                                + UUID.randomUUID().toString().replace("-", ""), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(7))), Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, "
                + "created_at) VALUES (?, 'Ann', 'Lee', 'ann.lee.of.accounts.payable@example.com', 'general,invoice', "
                + "TRUE, CURRENT_TIMESTAMP)").params(account).update();

        try (Browser browser = new Browser(port); Phone phone = Phone.of(browser)) {
            browser.open("/login").fill("Email address", olga.email()).fill("Password", olga.password())
                    .click("Log in").waitForPath("/");
            phone.fits("/", "dashboard");
            WebElement brand = browser.find(".navbar-brand");
            assertThat(brand.getLocation().getX()).as("the brand's left margin").isGreaterThanOrEqualTo(8);

            phone.fits("/users", "users");
            WebElement umaRow = browser.find("#users tr[data-user-id='" + uma.id() + "']");
            assertThat(umaRow.getCssValue("display")).isEqualTo("block");
            assertThat(umaRow.getText()).contains("View & Pay Invoices", "Manage Permissions", "Remove");
            assertThat(browser.find("#users tr[data-user-id='" + uma.id() + "'] td:nth-child(2)")
                    .getAttribute("data-label")).isEqualTo("Permissions");
            phone.inView(umaRow.findElement(By.linkText("Remove")));
            WebElement inviteRow = browser.find("#invites tbody tr");
            assertThat(inviteRow.getText()).contains(invited, "Resend Invite", "Cancel Invite");
            assertThat(browser.find("#invites tbody tr td:nth-child(4)").getAttribute("data-label")).isEqualTo("Expires");
            phone.inView(browser.find("#invites tbody tr a[href$='/cancel']"));

            phone.fits("/contacts", "contacts");
            assertThat(browser.find("#contacts tbody tr").getText()).contains("Ann Lee", "Edit", "Delete");
            phone.inView(browser.find("#contacts tbody tr a[href$='/delete']"));

            phone.fits("/account", "account");
            phone.fits("/profile", "profile");
            phone.fits("/profile/security", "security");
            phone.fits("/users/invite", "invite");
            phone.fits("/profile/tokens", "tokens");
        }
    }

    @Test
    void aUserOfTwoAccountsHasTheChooserAndTheSwitcherOnAPhone() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(registrations.accountOf(olga), uma.id(), "invoices", Timestamp.from(Instant.now())).update();

        try (Browser browser = new Browser(port); Phone phone = Phone.of(browser)) {
            browser.open("/login").fill("Email address", uma.email()).fill("Password", uma.password())
                    .click("Log in").waitForPath("/accounts");
            phone.fits("/accounts", "chooser");
            browser.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]"))
                    .click();
            browser.waitForPath("/");
            phone.fits("/", "dashboard-two-accounts");
            phone.inView(browser.find("#account-switcher"));
            phone.inView(browser.find("#user-menu"));
        }
    }

    @Test
    void theAdminListsFitAPhone() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);

        try (Browser staff = new Browser(port); Phone phone = Phone.of(staff)) {
            staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                    .click("Log in").waitForPath("/admin");
            phone.fits("/admin", "admin-clients");
            assertThat(staff.find("main table.table-cards tbody tr").getCssValue("display")).isEqualTo("block");
            phone.fits("/admin/users", "admin-users");
            assertThat(staff.find("#users-directory tbody tr td:nth-child(2)").getAttribute("data-label"))
                    .isEqualTo("Email address");
            phone.fits("/admin/clients/" + account, "admin-client");
            phone.fits("/admin/clients/" + account + "/users", "admin-client-users");
            phone.fits("/admin/users/" + olga.id(), "admin-user");
        }
    }
}
