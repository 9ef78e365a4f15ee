package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void changingTheEmailNeedsThePasswordAndTakesEffectWithTheLinkSentToTheNewAddress() {
        Person jane = registrations.registerVerified("Jane");
        String newEmail = Registrations.uniqueEmail("jane-new");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        Visitor.Page wrong = visitor.post("/profile/email", Map.of("email", newEmail, "currentPassword", "nope-nope-nope"));
        assertThat(wrong.text()).contains("Your current password is not correct.");

        Visitor.Page asked = visitor.post("/profile/email", Map.of("email", newEmail, "currentPassword", jane.password()));

        assertThat(visitor.get(asked.location()).text()).contains("Check your new address for a verification link")
                .contains("Waiting for you to open the link sent to " + newEmail);
        assertThat(users.findById(jane.id()).orElseThrow().email().value()).as("nothing changes before the link")
                .isEqualTo(jane.email());
        String link = Mailbox.link(Mailbox.shared().awaitSubject(newEmail, "Verify"), "/verify-email");
        Visitor mailbox = new Visitor(port);
        mailbox.get(link);
        mailbox.get("/verify-email");
        assertThat(mailbox.post("/verify-email", Map.of()).text()).contains("Your email address is verified");

        User user = users.findById(jane.id()).orElseThrow();
        assertThat(user.email().value()).isEqualTo(newEmail);
        assertThat(user.emailVerified()).as("the link proved the new address").isTrue();
        assertThat(Mailbox.text(Mailbox.shared().awaitSubject(jane.email(), "changed"))).contains("j***@");
        assertThat(visitor.get("/profile").html().select("#pending-email")).isEmpty();
    }

    @Test
    void aTakenAddressIsAnsweredLikeAFreeOneAndItsOwnerIsToldByEmail() {
        Person jane = registrations.registerVerified("Jane");
        Person max = registrations.registerVerified("Max");
        String free = Registrations.uniqueEmail("jane-free");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");

        Visitor.Page toTaken = visitor.post("/profile/email", Map.of("email", max.email(), "currentPassword", jane.password()));
        Visitor.Page takenPage = visitor.get(toTaken.location());
        Visitor.Page toFree = visitor.post("/profile/email", Map.of("email", free, "currentPassword", jane.password()));
        Visitor.Page freePage = visitor.get(toFree.location());

        assertThat(toTaken.status()).isEqualTo(toFree.status()).isEqualTo(302);
        assertThat(toTaken.location()).isEqualTo(toFree.location());
        assertThat(takenPage.html().select("main").text().replace(max.email(), "NEW"))
                .isEqualTo(freePage.html().select("main").text().replace(free, "NEW"))
                .contains("Check your new address");
        assertThat(Mailbox.text(Mailbox.shared().awaitSubject(max.email(), "tried to use your email address")))
                .contains("nothing was changed").doesNotContain(jane.email());
        Mailbox.shared().awaitSubject(free, "Verify");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND subject LIKE 'Verify%'")
                .param(max.email()).query(Integer.class).single())
                .as("no link that could take Max's address, only the one of his own registration").isEqualTo(1);
        assertThat(users.findById(jane.id()).orElseThrow().email().value()).isEqualTo(jane.email());
        assertThat(users.findById(max.id()).orElseThrow().email().value()).isEqualTo(max.email());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = 'user.email_change_requested'")
                .param(jane.id()).query(Integer.class).single()).isEqualTo(2);
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
    void changingThePasswordGivesThisSessionANewIdAndKeepsItLoggedIn() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        visitor.get("/profile");
        String before = visitor.cookie("ROSTER_SESSION");

        visitor.post("/profile/password", Map.of("currentPassword", jane.password(),
                "newPassword", PasswordResetIT.NEW_PASSWORD));

        assertThat(visitor.cookie("ROSTER_SESSION")).isNotNull().isNotEqualTo(before);
        assertThat(visitor.get("/profile").text()).contains("Your password was changed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(jane.id())).query(Integer.class).single()).isEqualTo(1);
        assertThat(withSessionCookie(before).statusCode()).as("the old id opens nothing").isEqualTo(302);
        assertThat(withSessionCookie(visitor.cookie("ROSTER_SESSION")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<Void> withSessionCookie(String value) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/profile"))
                    .header("Cookie", "ROSTER_SESSION=" + value).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
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
