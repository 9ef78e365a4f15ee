package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.AccountAccess;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.user.RegisterUser;
import app.roster.user.Registration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an emailed invitation link shows once it was replaced, has expired, or meets the allowed domains. */
@IntegrationTest
@PageTest
class InvitationLinksBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    RegisterUser registerUser;
    @Autowired
    AccountAccess access;
    @Autowired
    JdbcClient jdbc;

    private final Mailbox mailbox = Mailbox.shared();

    @Test
    void aResentInvitationReplacesTheOldLinkWhichNamesWhomToAsk() {
        Person olga = registrations.registerVerified("Olga");
        String account = renamedAccountOf(olga);
        String email = Registrations.uniqueEmail("ivy");

        try (Browser owner = new Browser(port); Browser invitee = new Browser(port)) {
            logIn(owner, olga);
            invite(owner, email);
            String first = Mailbox.link(mailbox.awaitMessage(email, 1), "/invitations/accept");

            owner.waitForPath("/users");
            owner.driver().findElement(By.xpath("//tr[td//span[normalize-space(.)='" + email + "']]"
                    + "//button[normalize-space(.)='Resend Invite']")).sendKeys(Keys.ENTER);
            owner.waitForText("A new link was sent to " + email + "; the old one no longer works.");
            String second = Mailbox.link(mailbox.awaitMessage(email, 2), "/invitations/accept");
            assertThat(second).isNotEqualTo(first);

            invitee.openEmailed(first).waitForText("This invitation link was replaced");
            assertThat(invitee.text())
                    .contains("A newer invitation to " + account + " was sent to the same address")
                    .contains("Ask Olga Tester at " + account + " to send you a new invitation.")
                    .doesNotContain("Accept invitation", "To accept the invite");

            invitee.openEmailed(second).waitForText("You have been invited to " + account);
            assertThat(invitee.text()).contains("Olga Tester has given you access to the " + account + " account.")
                    .contains("To accept the invite, please login or register below.")
                    .doesNotContain("replaced");
        }
    }

    @Test
    void anExpiredLinkSaysSoAndTheOwnerResendsItFromPendingInvites() {
        Person olga = registrations.registerVerified("Olga");
        String account = renamedAccountOf(olga);
        String email = Registrations.uniqueEmail("eve");

        try (Browser owner = new Browser(port); Browser invitee = new Browser(port)) {
            logIn(owner, olga);
            invite(owner, email);
            String link = Mailbox.link(mailbox.awaitMessage(email, 1), "/invitations/accept");
            jdbc.sql("UPDATE invitations SET expires_at = ? WHERE email = ?")
                    .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), email).update();

            invitee.openEmailed(link).waitForText("This invitation has expired");
            assertThat(invitee.text())
                    .contains("The invitation to " + account + " was not accepted in time and can no longer be used.")
                    .contains("Ask Olga Tester at " + account + " to send you a new invitation.")
                    .doesNotContain("To accept the invite");

            owner.open("/users");
            String row = "tr[data-invitation-id='" + invitationId(email) + "']";
            assertThat(owner.find(row + " .badge").getText()).isEqualTo("Expired");
            assertThat(owner.find(row + " button").getText()).isEqualTo("Resend Invite");
            assertThat(owner.find(row).getText()).as("no edit or cancel for an expired invitation")
                    .doesNotContain("Edit permissions", "Cancel Invite");

            owner.find(row + " button").sendKeys(Keys.ENTER);
            owner.waitForText("A new link was sent to " + email + "; the old one no longer works.");
            assertThat(owner.find(row).getText()).doesNotContain("Expired").contains("Edit permissions", "Cancel Invite");
            String renewed = Mailbox.link(mailbox.awaitMessage(email, 2), "/invitations/accept");
            invitee.openEmailed(renewed).waitForText("You have been invited to " + account);
        }
    }

    @Test
    void theAllowedDomainsRefuseAnOutsideAddressAndAnOutsideLoginCannotJoin() {
        Person olga = registrations.registerVerified("Olga");
        long accountId = registrations.accountOf(olga);
        String account = renamedAccountOf(olga);
        String outsideAddress = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.test";
        String insideAddress = Registrations.uniqueEmail("ines");
        Person otto = registerVerifiedOutside("Otto");

        try (Browser owner = new Browser(port); Browser invitee = new Browser(port)) {
            logIn(owner, olga);
            owner.open("/account/domains").fill("Allowed domains, one per line", "example.com")
                    .click("Save domains").waitForText("The allowed domains were saved.");

            owner.open("/users/invite");
            assertThat(owner.find("#allowed-domains").getText())
                    .contains("Only addresses in these domains can be invited: example.com.");
            owner.fill("Email address", outsideAddress);
            owner.click("Send Invite").waitForText("This address is not in the domains this account may invite");
            assertThat(owner.path()).isEqualTo("/users/invite");
            assertThat(owner.find("#email-error").getText())
                    .isEqualTo("This address is not in the domains this account may invite: example.com.");
            assertThat(owner.field("Email address").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(owner.field("Email address").getAttribute("aria-describedby")).isEqualTo("email-error");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE email = ?").param(outsideAddress)
                    .query(Long.class).single()).isZero();

            invite(owner, insideAddress);
            String link = Mailbox.link(mailbox.awaitMessage(insideAddress, 1), "/invitations/accept");

            invitee.openEmailed(link).waitForText("You have been invited to " + account);
            assertThat(invitee.text()).contains("This account admits only email addresses at: example.com.");
            invitee.fill("Email address", otto.email()).fill("Password", otto.password()).click("Login")
                    .waitForPath("/invitations/accept").waitForText("Accept invitation");
            invitee.click("Accept invitation").waitForText("Your email address is not allowed in this account");
            assertThat(invitee.text()).contains(account + " admits only email addresses at: example.com. "
                    + "You are logged in as " + otto.email() + ", so nothing was joined.");
        }
        assertThat(access.may(otto.id(), accountId, PermissionCatalogue.USERS)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, otto.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM invitations WHERE email = ?").param(insideAddress)
                .query(String.class).single()).as("still open for an in-domain login").isEqualTo("PENDING");
    }

    /** Invites through "Invite New User" with all permissions, as the owner does. */
    private static void invite(Browser owner, String email) {
        owner.open("/users/invite").fill("Email address", email).check("All Permissions");
        owner.click("Send Invite").waitForPath("/users").waitForText("An invitation was sent to " + email + ".");
    }

    private static void logIn(Browser browser, Person person) {
        browser.open("/login").fill("Email address", person.email()).fill("Password", person.password())
                .click("Log in").waitForPath("/");
    }

    private String renamedAccountOf(Person owner) {
        String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(name, registrations.accountOf(owner)).update();
        return name;
    }

    private Person registerVerifiedOutside(String firstName) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.test";
        long id = registerUser.register(new Registration(firstName, "Tester", EmailAddress.of(email),
                Registrations.PASSWORD, Language.EN)).orElseThrow();
        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = ?").param(id).update();
        return new Person(id, email, Registrations.PASSWORD, firstName);
    }

    private long invitationId(String email) {
        return jdbc.sql("SELECT id FROM invitations WHERE email = ?").param(email).query(Long.class).single();
    }
}
