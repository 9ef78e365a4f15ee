package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

    private static final int PHONE = 375;
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

        try (Browser browser = new Browser(port)) {
            phone(browser);
            try {
                browser.open("/login").fill("Email address", olga.email()).fill("Password", olga.password())
                        .click("Log in").waitForPath("/");
                fits(browser, "/", "dashboard");
                WebElement brand = browser.find(".navbar-brand");
                assertThat(brand.getLocation().getX()).as("the brand's left margin").isGreaterThanOrEqualTo(8);

                fits(browser, "/users", "users");
                WebElement umaRow = browser.find("#users tr[data-user-id='" + uma.id() + "']");
                assertThat(umaRow.getCssValue("display")).isEqualTo("block");
                assertThat(umaRow.getText()).contains("View & Pay Invoices", "Manage Permissions", "Remove");
                assertThat(browser.find("#users tr[data-user-id='" + uma.id() + "'] td:nth-child(2)")
                        .getAttribute("data-label")).isEqualTo("Permissions");
                inView(browser, umaRow.findElement(By.linkText("Remove")));
                WebElement inviteRow = browser.find("#invites tbody tr");
                assertThat(inviteRow.getText()).contains(invited, "Resend Invite", "Cancel Invite");
                assertThat(browser.find("#invites tbody tr td:nth-child(4)").getAttribute("data-label")).isEqualTo("Expires");
                inView(browser, browser.find("#invites tbody tr a[href$='/cancel']"));

                fits(browser, "/contacts", "contacts");
                assertThat(browser.find("#contacts tbody tr").getText()).contains("Ann Lee", "Edit", "Delete");
                inView(browser, browser.find("#contacts tbody tr a[href$='/delete']"));

                fits(browser, "/account", "account");
                fits(browser, "/profile", "profile");
                fits(browser, "/profile/security", "security");
                fits(browser, "/users/invite", "invite");
                fits(browser, "/profile/tokens", "tokens");
            } finally {
                desktop(browser);
            }
        }
    }

    @Test
    void aUserOfTwoAccountsHasTheChooserAndTheSwitcherOnAPhone() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(registrations.accountOf(olga), uma.id(), "invoices", Timestamp.from(Instant.now())).update();

        try (Browser browser = new Browser(port)) {
            phone(browser);
            try {
                browser.open("/login").fill("Email address", uma.email()).fill("Password", uma.password())
                        .click("Log in").waitForPath("/accounts");
                fits(browser, "/accounts", "chooser");
                browser.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]"))
                        .click();
                browser.waitForPath("/");
                fits(browser, "/", "dashboard-two-accounts");
                inView(browser, browser.find("#account-switcher"));
                inView(browser, browser.find("#user-menu"));
            } finally {
                desktop(browser);
            }
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

        try (Browser staff = new Browser(port)) {
            phone(staff);
            try {
                staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                        .click("Log in").waitForPath("/admin");
                fits(staff, "/admin", "admin-clients");
                assertThat(staff.find("main table.table-cards tbody tr").getCssValue("display")).isEqualTo("block");
                fits(staff, "/admin/users", "admin-users");
                assertThat(staff.find("#users-directory tbody tr td:nth-child(2)").getAttribute("data-label"))
                        .isEqualTo("Email address");
                fits(staff, "/admin/clients/" + account, "admin-client");
                fits(staff, "/admin/clients/" + account + "/users", "admin-client-users");
                fits(staff, "/admin/users/" + olga.id(), "admin-user");
            } finally {
                desktop(staff);
            }
        }
    }

    /** Opens the page, saves a screenshot and asserts the page does not scroll sideways. */
    private static void fits(Browser browser, String path, String name) {
        browser.open(path);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("return document.readyState");
        screenshot(browser, "phone-" + name);
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as("page width of %s at %d px", path, PHONE).isLessThanOrEqualTo(PHONE);
    }

    /** The element lies inside the 375 px wide viewport (not cut off at its right edge). */
    private static void inView(Browser browser, WebElement element) {
        Number right = (Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return arguments[0].getBoundingClientRect().right;", element);
        assertThat(right.doubleValue()).isLessThanOrEqualTo(PHONE);
    }

    private static void phone(Browser browser) {
        cdp(browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.<String, Object>of("width", PHONE, "height", 1400, "deviceScaleFactor", 1, "mobile", true));
    }

    private static void desktop(Browser browser) {
        cdp(browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.<String, Object>of());
    }

    private static ChromeDriver cdp(Browser browser) {
        return (ChromeDriver) browser.driver();
    }

    public static void screenshot(Browser browser, String name) {
        Object shot = cdp(browser).executeCdpCommand("Page.captureScreenshot", Map.<String, Object>of("format", "png"))
                .get("data");
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
