package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ProfileIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;


    @Test
    void changingTheLanguageTranslatesThePages() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        visitor.post("/profile", Map.of("firstName", "Jeanne", "lastName", "Tester", "language", "fr"));

        assertThat(visitor.get("/profile").text()).contains("Votre profil").contains("Bonjour, Jeanne !");
        assertThat(users.findById(jane.id()).orElseThrow().language().code()).isEqualTo("fr");
    }

    @Test
    void badInputOnTheProfileFormIsAFieldError() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        Visitor.Page page = visitor.post("/profile", Map.of("firstName", "x".repeat(101), "lastName", "A\u202eB",
                "language", "xx"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Please use at most 100 characters.", "Please remove invisible",
                "Please choose a language from the list.");
        assertThat(users.findById(jane.id()).orElseThrow().firstName()).isEqualTo("Jane");
    }

    @Test
    void changingTheEmailNeedsThePasswordClearsVerificationAndTellsTheOldAddress() {
        Person jane = registrations.registerVerified("Jane");
        String newEmail = Registrations.uniqueEmail("jane-new");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        Visitor.Page wrong = visitor.post("/profile/email", Map.of("email", newEmail, "currentPassword", "nope-nope-nope"));
        assertThat(wrong.text()).contains("Your current password is not correct.");

        visitor.post("/profile/email", Map.of("email", newEmail, "currentPassword", jane.password()));

        User user = users.findById(jane.id()).orElseThrow();
        assertThat(user.email().value()).isEqualTo(newEmail);
        assertThat(user.emailVerified()).isFalse();
        assertThat(Mailbox.text(Mailbox.shared().awaitSubject(jane.email(), "changed"))).contains("j***@");
        assertThat(Mailbox.shared().awaitSubject(newEmail, "Verify")).isNotNull();
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButKeepsThisOne() {
        Person jane = registrations.registerVerified("Jane");
        Visitor other = new Visitor(port);
        other.login(jane.email(), jane.password());
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        Visitor.Page done = visitor.post("/profile/password", Map.of("currentPassword", jane.password(),
                "newPassword", PasswordResetIT.NEW_PASSWORD));

        assertThat(done.location()).endsWith("/profile");
        assertThat(visitor.get("/profile").status()).isEqualTo(200);
        assertThat(other.get("/profile").location()).endsWith("/login");
    }

    @Test
    void aUserSeesAndEndsTheirOwnSessionsOnly() {
        Person jane = registrations.registerVerified("Jane");
        Person bob = registrations.registerVerified("Bob");
        Visitor janeElsewhere = new Visitor(port);
        janeElsewhere.login(jane.email(), jane.password());
        Visitor bobs = new Visitor(port);
        bobs.login(bob.email(), bob.password());
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());

        Visitor.Page security = visitor.get("/profile/security");
        assertThat(security.html().select("input[name=sessionId]")).hasSize(1);
        String bobSession = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(bob.id())).query(String.class).single();
        visitor.post("/profile/sessions/end", Map.of("sessionId", bobSession));
        assertThat(bobs.get("/profile").status()).as("another user's session is untouched").isEqualTo(200);

        visitor.post("/profile/sessions/end", Map.of("sessionId", security.html().selectFirst("input[name=sessionId]").val()));

        assertThat(janeElsewhere.get("/profile").location()).endsWith("/login");
        assertThat(visitor.get("/profile").status()).isEqualTo(200);
    }
}
