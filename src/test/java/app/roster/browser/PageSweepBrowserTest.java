package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.oidc.RegisterClient;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Phone;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The pages of both areas that no journey opens (found by comparing the controllers' GET routes with the pages the
 * browser tests wait for), each opened at 1280 px and at 375 px: axe-core checks it at both widths, and on the
 * phone it must not scroll sideways. Each must be the page itself, not an error page.
 */
@IntegrationTest
@PageTest
class PageSweepBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";
    private static final List<String> ERROR_TITLES = List.of("Page not found", "You do not have access",
            "Something went wrong", "This request cannot be processed", "Changed by someone else");

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    RegisterClient registerClient;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theClientAreaPagesNoJourneyOpens() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        long account = registrations.accountOf(olga);
        member(account, uma);
        long token = credentials.token(olga.id(), account, "Laptop", "invoices").id();

        try (Browser browser = new Browser(port)) {
            logIn(browser, olga);
            sweep(browser, "client", List.of("/account/tokens", "/account/tokens/" + token + "/revoke",
                    "/profile/tokens/" + token + "/revoke", "/profile/applications",
                    "/contacts/confirm?token=" + "a".repeat(43), "/contacts/unsubscribe?token=" + "a".repeat(43)));
        }
        try (Browser browser = new Browser(port)) {
            browser.open("/login").fill("Email address", uma.email()).fill("Password", uma.password())
                    .click("Log in").waitForPath("/accounts");
            browser.driver().findElement(By.xpath("//main//form/button[span[normalize-space(.)='Olga Tester']]"))
                    .click();
            browser.waitForPath("/");
            sweep(browser, "member", List.of("/leave"));
        }
    }

    @Test
    void theAdminAreaPagesNoJourneyOpens() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        long account = registrations.accountOf(olga);
        member(account, uma);
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id, token_hash, status,
                                         sent_at, expires_at, created_at)
                VALUES (?, ?, 'invoices', 'en', ?, ?, 'PENDING', ?, ?, ?)""")
                .params(account, Registrations.uniqueEmail("invited"), olga.id(),
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plus(Duration.ofDays(7))),
                        Timestamp.from(Instant.now())).update();
        long invitation = jdbc.sql("SELECT id FROM invitations WHERE account_id = ?").param(account)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, "
                + "created_at) VALUES (?, 'Ann', 'Lee', 'ann.lee@example.com', 'general', TRUE, CURRENT_TIMESTAMP)")
                .params(account).update();
        long contact = jdbc.sql("SELECT id FROM contacts WHERE account_id = ?").param(account).query(Long.class).single();
        long token = credentials.token(olga.id(), account, "Laptop", "invoices").id();
        long apiKey = credentials.apiKey("Billing", "members:read").id();
        String application = registerClient.register(credentials.administrator(), new RegisterClient.NewClient(
                "Shop " + UUID.randomUUID(), true, false, null, Set.of("https://shop.example.com/callback"), Set.of(),
                null, Set.of("openid", "profile"), false, Set.of())).client().clientId();
        String staffEmail = staff("ADMINISTRATOR");
        long colleague = jdbc.sql("SELECT id FROM staff WHERE email = ?").param(staff("SUPPORT"))
                .query(Long.class).single();
        String client = "/admin/clients/" + account;
        String user = "/admin/users/" + olga.id();

        try (Browser browser = new Browser(port)) {
            browser.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                    .click("Log in").waitForPath("/admin");
            sweep(browser, "admin", List.of("/admin/settings",
                    client + "/activity", client + "/profile/edit", client + "/contacts", client + "/contacts/new",
                    client + "/contacts/" + contact + "/edit", client + "/contacts/" + contact + "/delete",
                    client + "/users/" + uma.id() + "/permissions", client + "/users/" + uma.id() + "/remove",
                    client + "/users/" + uma.id() + "/make-owner", client + "/invites/" + invitation + "/cancel",
                    client + "/close", client + "/delete",
                    user + "/edit", user + "/delete", user + "/tokens", user + "/tokens/" + token + "/revoke",
                    "/admin/staff/" + colleague + "/disable", "/admin/staff/" + colleague + "/two-factor-reset",
                    "/admin/api-keys", "/admin/api-keys/new", "/admin/api-keys/" + apiKey + "/revoke",
                    "/admin/applications", "/admin/applications/new", "/admin/applications/" + application,
                    "/admin/applications/" + application + "/edit", "/admin/applications/" + application + "/delete",
                    "/admin/applications/" + application + "/rotate-secret", "/admin/applications/signing-keys/rotate"));
        }
    }

    /** Each page at 1280 px (axe through {@link Browser#open}), then each on a phone. */
    private static void sweep(Browser browser, String area, List<String> paths) {
        for (String path : paths) {
            browser.open(path);
            ERROR_TITLES.forEach(error -> assertThat(browser.driver().getTitle()).as("title of %s", path)
                    .doesNotStartWith(error));
        }
        try (Phone phone = Phone.of(browser)) {
            for (String path : paths) {
                phone.fits(path, area + path.replaceAll("\\?.*", "").replaceAll("[^a-z0-9]+", "-"));
            }
        }
    }

    private void logIn(Browser browser, Person person) {
        browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in").waitForPath("/");
    }

    private void member(long account, Person person) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, person.id(), "invoices,quotes", Timestamp.from(Instant.now())).update();
    }

    private String staff(String role) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(email, "Sam " + role, encoder.encode(STAFF_PASSWORD), role, Timestamp.from(Instant.now()))
                .update();
        return email;
    }
}
