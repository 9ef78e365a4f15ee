package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.shared.OneTimeToken;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff "Associate User" in the Admin Area: an existing user found by the search, or a new address invited. */
@IntegrationTest
@PageTest
class AdminAssociateBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    PermissionCatalogue catalogue;

    private final Mailbox mailbox = Mailbox.shared();

    String staffEmail;
    Person olga;
    long account;
    String accountName;

    @BeforeEach
    void aStaffMemberAndAClient() {
        staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        olga = registrations.registerVerified("Olga");
        account = registrations.accountOf(olga);
        accountName = "Nordwind " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(accountName, account).update();
    }

    @Test
    void anExistingUserFoundAsStaffTypeIsAssociatedAtOnceAndSelectsTheAccountInTheClientArea() {
        Person max = registrations.registerVerified("Max");
        String prefix = max.email().substring(0, max.email().indexOf('@'));

        try (Browser staff = new Browser(port); Browser user = new Browser(port)) {
            logInAsStaff(staff);
            staff.open(usersTab()).waitForText(accountName);
            assertThat(staff.text()).doesNotContain(max.email());
            staff.click("Associate User").waitForPath(clientPage() + "/associate");

            ((JavascriptExecutor) staff.driver()).executeScript("window.samePage = true;");
            staff.fill("Name or email address starts with", prefix);
            staff.waitForText(max.email());
            assertThat(((JavascriptExecutor) staff.driver()).executeScript("return window.samePage === true;"))
                    .as("the results came while typing, without loading a new page").isEqualTo(true);
            assertThat(resultEmails(staff)).containsExactly(max.email());
            staff.click("Select").waitForText("Selected user");
            assertThat(staff.find("#selected-user").getText()).contains("Max Tester", max.email());
            assertThat(staff.field("All Permissions").isSelected()).isTrue();
            assertThat(staff.findAll("#permission-choice input[type=checkbox]")).hasSize(catalogue.all().size())
                    .allMatch(WebElement::isSelected).noneMatch(WebElement::isEnabled);
            staff.check("Choose Permissions");
            assertThat(staff.findAll("#permission-choice input[type=checkbox]"))
                    .noneMatch(WebElement::isSelected).allMatch(WebElement::isEnabled);
            staff.check("All Permissions").check("No").click("Associate User");

            staff.waitForPath(usersTab()).waitForText(max.email() + " is now a user of this account.");
            assertThat(staff.find("#user-" + max.id()).getText()).contains("Max Tester", max.email(),
                    "All permissions");
            assertThat(staff.text()).contains("No pending invites.");

            user.open("/login").fill("Email address", max.email()).fill("Password", max.password())
                    .click("Log in").waitForPath("/accounts");
            user.click(accountName).waitForPath("/");
            assertThat(user.find("h1").getText()).isEqualTo(accountName);
            assertThat(user.findAll("#my-permissions li")).hasSize(catalogue.all().size());
        }
    }

    @Test
    void theSearchButtonFindsTheUserWithoutJavaScript() {
        Person max = registrations.registerVerified("Max");
        String prefix = max.email().substring(0, max.email().indexOf('@'));

        try (Browser staff = Browser.withoutJavaScript(port)) {
            logInAsStaff(staff);
            staff.open(clientPage() + "/associate");
            assertThat(((JavascriptExecutor) staff.driver()).executeScript("return typeof window.htmx;"))
                    .as("the page's scripts did not run").isEqualTo("undefined");
            staff.fill("Name or email address starts with", prefix).click("Search");

            staff.waitForPath(clientPage() + "/associate?q=" + prefix);
            assertThat(resultEmails(staff)).containsExactly(max.email());
            staff.click("Select").waitForText("Selected user");
            assertThat(staff.path()).isEqualTo(clientPage() + "/associate?userId=" + max.id());
        }
    }

    @Test
    void aNewAddressWithSendInviteIsPendingAndTheInvitationArrives() {
        String invitee = Registrations.uniqueEmail("nina");

        try (Browser staff = new Browser(port)) {
            logInAsStaff(staff);
            staff.open(clientPage()).find(".nav-tabs a[href='" + usersTab() + "']").click();
            staff.waitForPath(usersTab());
            staff.click("Associate User").waitForPath(clientPage() + "/associate");
            staff.fill("Email address", invitee).check("All Permissions").check("Yes").click("Associate User");

            staff.waitForPath(usersTab()).waitForText("An invitation was sent to " + invitee + ".");
            assertThat(staff.find("#invites-table").getText()).contains(invitee);
            assertThat(staff.find("#users-table").getText()).doesNotContain(invitee);
        }

        MimeMessage message = mailbox.awaitSubject(invitee, "You have been invited to " + accountName);
        assertThat(Mailbox.text(message).replace("=\r\n", "").replace("=\n", ""))
                .contains("Sam Staff has given you access to the " + accountName);
        String link = Mailbox.link(message, "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertThat(jdbc.sql("SELECT token_hash FROM invitations WHERE account_id = ? AND email = ? AND status = 'PENDING'")
                .params(account, invitee).query(String.class).single()).isEqualTo(OneTimeToken.hashOf(token));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(invitee).query(Long.class).single())
                .as("nobody is created before the invitation is accepted").isZero();
    }

    private void logInAsStaff(Browser staff) {
        staff.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                .click("Log in").waitForPath("/admin");
    }

    private String usersTab() {
        return clientPage() + "/users";
    }

    private String clientPage() {
        return "/admin/clients/" + account;
    }

    private static List<String> resultEmails(Browser staff) {
        return staff.findAll("#search-results li .small").stream().map(WebElement::getText).toList();
    }
}
