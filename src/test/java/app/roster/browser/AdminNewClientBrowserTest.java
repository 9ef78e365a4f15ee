package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff add a client with a new owner, who sets their password from the email; then associate an existing user
 * with Send Invite = No, who finds the account at their next login.
 */
@IntegrationTest
@PageTest
class AdminNewClientBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";
    private static final String OWNER_PASSWORD = "copper meadow lantern 71";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void staffAddAClientWithANewOwnerThenAssociateAnExistingUserWhoSeesTheAccount() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        Person max = registrations.registerVerified("Max");
        String ownerEmail = Registrations.uniqueEmail("nora");
        String clientName = "Morgenrot " + UUID.randomUUID().toString().substring(0, 8);

        try (Browser staff = new Browser(port); Browser owner = new Browser(port); Browser user = new Browser(port)) {
            staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                    .click("Log in").waitForPath("/admin");
            staff.click("Add New Client").waitForPath("/admin/clients/new");
            staff.fill("Email address", ownerEmail).fill("First name", "Nora").fill("Last name", "Neu")
                    .fill("Account name", clientName).fill("Company", "Morgenrot GmbH");
            new Select(staff.field("Country")).selectByVisibleText("Germany");
            staff.click("Add Client");
            staff.waitForText("The client " + clientName + " was added.");
            long account = jdbc.sql("SELECT id FROM accounts WHERE name = ?").param(clientName)
                    .query(Long.class).single();
            assertThat(staff.path()).isEqualTo("/admin/clients/" + account);
            assertThat(staff.text()).contains("Morgenrot GmbH", "Nora Neu", ownerEmail);

            MimeMessage message = Mailbox.shared().awaitSubject(ownerEmail, "Set the password of your");
            owner.openEmailed(Mailbox.link(message, "/password/reset")).waitForText("Choose a new password");
            owner.fill("New password", OWNER_PASSWORD).click("Save the new password").waitForPath("/login?reset");
            owner.fill("Email address", ownerEmail).fill("Password", OWNER_PASSWORD).click("Log in").waitForPath("/");
            assertThat(owner.find("h1").getText()).isEqualTo(clientName);

            String prefix = max.email().substring(0, max.email().indexOf('@'));
            staff.find(".nav-tabs a[href='/admin/clients/" + account + "/users']").click();
            staff.waitForPath("/admin/clients/" + account + "/users");
            staff.click("Associate User").fill("Name or email address starts with", prefix);
            staff.waitForText(max.email());
            staff.click("Select").waitForText("Selected user");
            staff.check("All Permissions").check("No").click("Associate User");
            staff.waitForPath("/admin/clients/" + account + "/users")
                    .waitForText(max.email() + " is now a user of this account.");

            user.open("/login").fill("Email address", max.email()).fill("Password", max.password())
                    .click("Log in").waitForPath("/accounts");
            user.click(clientName).waitForPath("/");
            assertThat(user.find("h1").getText()).isEqualTo(clientName);
        }
    }
}
