package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.invitation.InvitationEvents;
import app.roster.invitation.SendInvitation;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The invitee's journey from the link: register or log in right on the accept page, then accept. */
@IntegrationTest
@PageTest
@RecordApplicationEvents
class AcceptInvitationBrowserTest {

    private static final String PASSWORD = "juniper-canyon-harvest-38";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void aNewcomerRegistersWithAnotherAddressVerifiesLogsInAcceptsAndSeesExactlyTheInvitedPermissions() {
        String account = inviteToNewAccount(Set.of("invoices", "tickets"));
        String email = Registrations.uniqueEmail("nora");
        try (Browser browser = new Browser(port)) {
            browser.openEmailed(lastLink()).waitForText("You have been invited to " + account);
            assertThat(browser.path()).isEqualTo("/invitations/accept");
            assertThat(browser.text()).contains("Olga Tester has given you access to the " + account + " account.")
                    .contains("To accept the invite, please login or register below.");

            browser.fill("First name", "Nora").fill("Last name", "Newcomer")
                    .fill("Email address for your new login", email)
                    .fill("Choose a password", PASSWORD).waitForText("Password strength: strong");
            browser.check("I have read and agree to the Terms of Service").click("Register")
                    .waitForText("Check your inbox");
            assertThat(browser.text()).contains(email).contains("then log in below to accept the invitation");

            String link = Mailbox.link(Mailbox.shared().awaitSubject(email, "Verify your email address"),
                    "/verify-email");
            browser.openEmailed(link).click("Verify my email address").waitForText("Your email address is verified");

            browser.open("/invitations/accept").fill("Email address", email).fill("Password", PASSWORD)
                    .click("Login").waitForPath("/invitations/accept").waitForText("Accept invitation");
            assertThat(browser.text()).contains("You are logged in as Nora Newcomer");
            browser.click("Accept invitation").waitForPath("/").waitForText("You joined " + account + ".");

            assertThat(myPermissions(browser)).containsExactly("View & Pay Invoices", "View & Open Support Tickets");
            assertThat(browser.find("h1").getText()).isEqualTo(account);
        }
        long nora = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE owner_user_id = ?").param(nora).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anExistingUserLogsInOnTheAcceptPageAfterTheWrongPersonLoggedOutAndAccepts() {
        String account = inviteToNewAccount(Set.of("quotes"));
        Person otto = registrations.registerVerified("Otto");
        Person ivan = registrations.registerVerified("Ivan");
        try (Browser browser = new Browser(port)) {
            browser.openEmailed(lastLink()).waitForText("You have been invited to " + account);
            logInHere(browser, otto);
            assertThat(browser.text()).contains("You are logged in as Otto Tester");
            browser.click("Log out").waitForText("To accept the invite, please login or register below.");
            assertThat(browser.path()).isEqualTo("/invitations/accept");

            logInHere(browser, ivan);
            browser.click("Accept invitation").waitForPath("/").waitForText("You joined " + account + ".");
            assertThat(myPermissions(browser)).containsExactly("View & Accept Quotes");
        }
    }

    private static void logInHere(Browser browser, Person person) {
        browser.fill("Email address", person.email()).fill("Password", person.password()).click("Login")
                .waitForPath("/invitations/accept").waitForText("Accept invitation");
    }

    private String inviteToNewAccount(Set<String> permissions) {
        Person olga = registrations.registerVerified("Olga");
        long accountId = registrations.accountOf(olga);
        String account = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(account, accountId).update();
        sendInvitation.send(new Actor.Member(olga.id(), accountId), accountId, EmailAddress.of(Registrations.uniqueEmail("invited")),
                permissions, Language.EN);
        return account;
    }

    private String lastLink() {
        return events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b).orElseThrow().link();
    }

    private static List<String> myPermissions(Browser browser) {
        return browser.findAll("#my-permissions li").stream().map(WebElement::getText).toList();
    }
}
