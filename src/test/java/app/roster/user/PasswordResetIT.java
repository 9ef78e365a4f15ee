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
class PasswordResetIT {

    static final String NEW_PASSWORD = "amber-lantern-orchard-77";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;


    @Test
    void aResetEndsEverySessionAndSendsANotice() {
        Person jane = registrations.registerVerified("Jane");
        Visitor elsewhere = new Visitor(port);
        elsewhere.login(jane.email(), jane.password());
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        assertThat(visitor.post("/password/forgot", Map.of("email", jane.email().toUpperCase())).text())
                .contains("If an account uses this address");
        String link = Mailbox.link(Mailbox.shared().awaitSubject(jane.email(), "Reset"), "/password/reset");
        assertThat(visitor.get(link).location()).endsWith("/password/reset");
        visitor.get("/password/reset");

        Visitor.Page weak = visitor.post("/password/reset", Map.of("password", "short"));
        assertThat(weak.text()).contains("Please use at least 12 characters.");

        Visitor.Page done = visitor.post("/password/reset", Map.of("password", NEW_PASSWORD));

        assertThat(done.location()).endsWith("/login?reset");
        assertThat(elsewhere.get("/").location()).as("the other session ended").endsWith("/login");
        assertThat(new Visitor(port).login(jane.email(), jane.password()).text()).contains("not correct");
        assertThat(new Visitor(port).login(jane.email(), NEW_PASSWORD).text()).contains("Hello, Jane!");
        assertThat(Mailbox.shared().awaitSubject(jane.email(), "password was changed")).isNotNull();
        Visitor again = new Visitor(port);
        again.get(link);
        assertThat(again.get("/password/reset").text()).contains("This link is not valid");
    }

    @Test
    void anUnknownAddressGetsTheSamePageAndNoEmail() {
        String nobody = Registrations.uniqueEmail("nobody");
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        Person jane = registrations.registerVerified("Jane");

        Visitor.Page unknown = visitor.post("/password/forgot", Map.of("email", nobody));
        Visitor.Page known = visitor.post("/password/forgot", Map.of("email", jane.email()));

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.html().select("main").text()).isEqualTo(known.html().select("main").text());
        Mailbox.shared().awaitSubject(jane.email(), "Reset");
        assertThat(Mailbox.shared().messagesTo(nobody)).isEmpty();
    }

    @Test
    void aBadAddressIsAFieldError() {
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");

        Visitor.Page page = visitor.post("/password/forgot", Map.of("email", "bad\u0000@example.com"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#email-error").text()).isEqualTo("Please enter a valid email address.");
    }
}
