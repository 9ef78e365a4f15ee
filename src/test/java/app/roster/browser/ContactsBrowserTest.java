package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The owner adds, edits and deletes a contact, and invites one as a user, in a real browser. */
@IntegrationTest
@PageTest
class ContactsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    @Test
    void theOwnerAddsEditsInvitesAndDeletesAContact() {
        Person olga = registrations.registerVerified("Olga");
        String email = Registrations.uniqueEmail("cora");
        try (Browser owner = new Browser(port)) {
            owner.open("/login").fill("Email address", olga.email()).fill("Password", olga.password())
                    .click("Log in").waitForPath("/");
            owner.chooseFromUserMenu("Contacts").waitForPath("/contacts");
            owner.waitForText("There are no contacts yet.");
            owner.click("Add Contact").waitForPath("/contacts/new");
            owner.fill("First name", "Cora").fill("Last name", "Lee").fill("Email address", "not an address");
            owner.check("Invoices");
            owner.find("form.card button[type=submit]").click();
            owner.waitForText("Enter a valid email address.");
            owner.fill("Email address", email);
            owner.find("form.card button[type=submit]").click();
            owner.waitForPath("/contacts").waitForText("The contact was added.");
            assertThat(owner.text()).contains("Cora Lee", email, "General, Invoices", "Not confirmed");

            owner.click("Edit").waitForText("Edit Cora Lee");
            owner.fill("Last name", "Lim").click("Save").waitForPath("/contacts");
            owner.waitForText("The contact was saved.");
            assertThat(owner.text()).contains("Cora Lim");

            owner.click("Invite as user").waitForPath("/users/invite?email=" + email);
            assertThat(owner.field("Email address").getAttribute("value")).isEqualTo(email);

            owner.open("/contacts").click("Delete");
            owner.waitForText("Delete the contact Cora Lim (" + email + ")?");
            assertThat(owner.text()).contains("Cora Lim");
            owner.click("Yes, delete the contact").waitForPath("/contacts");
            owner.waitForText("The contact was deleted.");
            assertThat(owner.text()).doesNotContain(email).contains("There are no contacts yet.");
        }
    }
}
