package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EmailVerificationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLinkFromTheEmailVerifiesOnlyAfterTheExplicitPost() {
        String email = register();
        String link = Mailbox.link(Mailbox.shared().awaitSubject(email, "Verify"), "/verify-email");
        assertThat(jdbc.sql("SELECT token_hash FROM user_tokens").query(String.class).list())
                .as("only hashes are stored").doesNotContain(link.substring(link.indexOf("token=") + 6));

        Visitor visitor = new Visitor(port);
        Visitor.Page opened = visitor.get(link);
        assertThat(opened.location()).as("the token leaves the address bar").endsWith("/verify-email");
        visitor.get(opened.location());
        assertThat(verified(email)).as("a GET (a mail scanner) verifies nothing").isFalse();

        Visitor.Page done = visitor.post("/verify-email", Map.of());

        assertThat(done.text()).contains("Your email address is verified");
        assertThat(verified(email)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'user.email_verified' AND details LIKE ?")
                .param("%" + email + "%").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLinkWorksOnceAndATamperedOneNever() {
        String email = register();
        String link = Mailbox.link(Mailbox.shared().awaitSubject(email, "Verify"), "/verify-email");

        Visitor tampered = new Visitor(port);
        tampered.open(link.substring(0, link.length() - 2) + "xx");
        assertThat(tampered.post("/verify-email", Map.of()).text()).contains("This link is not valid");
        assertThat(verified(email)).isFalse();

        Visitor first = new Visitor(port);
        first.open(link);
        first.post("/verify-email", Map.of());
        Visitor second = new Visitor(port);
        second.open(link);
        assertThat(second.post("/verify-email", Map.of()).text()).contains("This link is not valid");
    }

    @Test
    void resendingReplacesTheEarlierLink() {
        String email = register();
        String firstLink = Mailbox.link(Mailbox.shared().awaitMessage(email, 1), "/verify-email");
        Visitor visitor = new Visitor(port);
        visitor.login(email, Registrations.PASSWORD);
        assertThat(visitor.open("/").text()).contains("Please verify your email address");

        visitor.post("/verify-email/resend", Map.of());
        MimeMessage second = Mailbox.shared().awaitMessage(email, 2);

        Visitor old = new Visitor(port);
        old.open(firstLink);
        assertThat(old.post("/verify-email", Map.of()).text()).contains("This link is not valid");
        Visitor current = new Visitor(port);
        current.open(Mailbox.link(second, "/verify-email"));
        assertThat(current.post("/verify-email", Map.of()).text()).contains("Your email address is verified");
        assertThat(visitor.open("/").text()).doesNotContain("Please verify your email address");
    }

    @Test
    void registeringWithATakenAddressTellsItsOwnerByEmail() {
        String email = register();
        Mailbox.shared().awaitSubject(email, "Verify");
        register(email);

        MimeMessage notice = Mailbox.shared().awaitMessage(email, 2);

        assertThat(Mailbox.text(notice)).contains("/password/forgot");
    }

    private String register() {
        return register(Registrations.uniqueEmail("verify"));
    }

    private String register(String email) {
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        visitor.post("/register", RegistrationIT.form(email));
        return email;
    }

    private boolean verified(String email) {
        return jdbc.sql("SELECT email_verified FROM users WHERE email = ?").param(email).query(Boolean.class).single();
    }
}
