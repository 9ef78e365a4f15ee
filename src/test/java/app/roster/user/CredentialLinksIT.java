package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reset or set-password link, or a pending address change, dies with the password or address it was sent for. */
@IntegrationTest
class CredentialLinksIT {

    private static final String INVALID = "This link is not valid";
    private static final Actor ADMINISTRATOR = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada",
            "ada@example.com");

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    Users users;
    @Autowired
    ChangeEmail changeEmail;
    @Autowired
    CreateUserByStaff createUserByStaff;

    @Test
    void aResetLinkDiesWhenTheUserChangesTheirPassword() {
        Person jane = registrations.registerVerified("Jane");
        String link = resetLink(jane.email());
        assertThat(opens(link)).as("valid before").doesNotContain(INVALID);
        Visitor visitor = loggedIn(jane);

        visitor.post("/profile/password", Map.of("currentPassword", jane.password(),
                "newPassword", PasswordResetIT.NEW_PASSWORD));

        assertThat(opens(link)).contains(INVALID);
    }

    @Test
    void aResetLinkDiesWhenTheUserMovesToANewAddress() {
        Person jane = registrations.registerVerified("Jane");
        String link = resetLink(jane.email());
        String newEmail = Registrations.uniqueEmail("jane-moved");
        Visitor visitor = loggedIn(jane);

        visitor.post("/profile/email", Map.of("email", newEmail, "currentPassword", jane.password()));
        confirm(Mailbox.link(Mailbox.shared().awaitSubject(newEmail, "Verify"), "/verify-email"));

        assertThat(users.findById(jane.id()).orElseThrow().email().value()).isEqualTo(newEmail);
        assertThat(opens(link)).contains(INVALID);
    }

    @Test
    void aResetLinkDiesWhenStaffChangeTheAddress() {
        Person jane = registrations.registerVerified("Jane");
        String link = resetLink(jane.email());

        changeEmail.set(ADMINISTRATOR, jane.id(), EmailAddress.of(Registrations.uniqueEmail("jane-staff")));

        assertThat(opens(link)).contains(INVALID);
    }

    @Test
    void aSetPasswordLinkFromStaffDiesWhenStaffChangeTheAddress() {
        String email = Registrations.uniqueEmail("olga");
        long olga = createUserByStaff.create(ADMINISTRATOR, EmailAddress.of(email), "Olga", "Tester", Language.EN);
        String link = Mailbox.link(Mailbox.shared().awaitSubject(email, "Set the password"), "/password/reset");
        assertThat(opens(link)).as("valid before").doesNotContain(INVALID);

        changeEmail.set(ADMINISTRATOR, olga, EmailAddress.of(Registrations.uniqueEmail("olga-fixed")));

        assertThat(opens(link)).contains(INVALID);
    }

    /** Someone who knew the password asked to move the login to their own address; the reset ends that too. */
    @Test
    void aResetEndsAPendingAddressChange() {
        Person jane = registrations.registerVerified("Jane");
        String attacker = Registrations.uniqueEmail("mallory");
        loggedIn(jane).post("/profile/email", Map.of("email", attacker, "currentPassword", jane.password()));
        String changeLink = Mailbox.link(Mailbox.shared().awaitSubject(attacker, "Verify"), "/verify-email");

        Visitor owner = new Visitor(port);
        owner.get(resetLink(jane.email()));
        owner.get("/password/reset");
        assertThat(owner.post("/password/reset", Map.of("password", PasswordResetIT.NEW_PASSWORD)).location())
                .endsWith("/login?reset");

        assertThat(confirm(changeLink)).contains("This link is not valid");
        assertThat(users.findById(jane.id()).orElseThrow().email().value()).isEqualTo(jane.email());
    }

    @Test
    void aPasswordChangeEndsAPendingAddressChange() {
        Person jane = registrations.registerVerified("Jane");
        String other = Registrations.uniqueEmail("jane-other");
        Visitor visitor = loggedIn(jane);
        visitor.post("/profile/email", Map.of("email", other, "currentPassword", jane.password()));
        String changeLink = Mailbox.link(Mailbox.shared().awaitSubject(other, "Verify"), "/verify-email");

        visitor.post("/profile/password", Map.of("currentPassword", jane.password(),
                "newPassword", PasswordResetIT.NEW_PASSWORD));

        assertThat(confirm(changeLink)).contains("This link is not valid");
        assertThat(users.findById(jane.id()).orElseThrow().email().value()).isEqualTo(jane.email());
    }

    private Visitor loggedIn(Person person) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/profile");
        return visitor;
    }

    private String resetLink(String email) {
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        visitor.post("/password/forgot", Map.of("email", email));
        return Mailbox.link(Mailbox.shared().awaitSubject(email, "Reset"), "/password/reset");
    }

    /** The text of the page that asks for a new password, reached through the link. */
    private String opens(String link) {
        Visitor visitor = new Visitor(port);
        visitor.get(link);
        return visitor.get("/password/reset").text();
    }

    /** Follows a verification link and presses its button; the text of the answer. */
    private String confirm(String link) {
        Visitor visitor = new Visitor(port);
        visitor.get(link);
        visitor.get("/verify-email");
        return visitor.post("/verify-email", Map.of()).text();
    }
}
