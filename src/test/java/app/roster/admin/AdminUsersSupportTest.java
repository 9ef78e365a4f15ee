package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Support staff read every user page and send emails again, but change nothing else: pages and direct POSTs. */
@IntegrationTest
class AdminUsersSupportTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    Database database;
    Visitor support;
    long supportId;

    @BeforeEach
    void loggedInSupport() {
        database = new Database(jdbc, encoder);
        String email = "support-" + UUID.randomUUID() + "@example.com";
        supportId = database.support(email, PASSWORD);
        support = StaffLogin.as(port, email, PASSWORD);
    }

    @Test
    void supportSendsAPasswordResetEmailWhoseLinkWorks() {
        Person olga = registrations.registerVerified("Olga");
        support.get("/admin/users/" + olga.id());

        Visitor.Page sent = support.post("/admin/users/" + olga.id() + "/password-reset", Map.of());

        assertThat(sent.location()).endsWith("/admin/users/" + olga.id());
        assertThat(support.get(sent.location()).html().selectFirst("#notice").text())
                .isEqualTo("A password reset link was sent to " + olga.email() + ".");
        MimeMessage message = Mailbox.shared().awaitSubject(olga.email(), "Reset your");
        Visitor user = new Visitor(port);
        assertThat(user.get(Mailbox.link(message, "/password/reset")).location()).endsWith("/password/reset");
        user.get("/password/reset");
        String newPassword = "copper lantern meadow 7";
        Visitor.Page reset = user.post("/password/reset", Map.of("password", newPassword, "confirmation", newPassword));
        assertThat(reset.location()).endsWith("/login?reset");
        assertThat(new Visitor(port).login(olga.email(), newPassword).html().select("form[action=/login]")).isEmpty();
        assertThat(supportAudit(olga.id(), "admin.user.password_reset_sent")).isEqualTo(1);
    }

    @Test
    void supportResendsTheVerificationEmailOnlyToAnUnverifiedAddress() {
        Person nina = registrations.register("Nina");
        Person olga = registrations.registerVerified("Olga");
        Mailbox.shared().awaitSubject(nina.email(), "Verify");
        int before = Mailbox.shared().messagesTo(nina.email()).size();

        assertThat(support.get("/admin/users/" + olga.id()).html().select("form[action$=/verification]")).isEmpty();
        support.get("/admin/users/" + nina.id());
        support.post("/admin/users/" + nina.id() + "/verification", Map.of());
        Visitor.Page already = support.post("/admin/users/" + olga.id() + "/verification", Map.of());

        Mailbox.shared().awaitMessage(nina.email(), before + 1);
        assertThat(Mailbox.subject(Mailbox.shared().messagesTo(nina.email()).get(before))).contains("Verify");
        assertThat(support.get(already.location()).text()).contains("is verified already");
        assertThat(supportAudit(nina.id(), "admin.user.verification_sent")).isEqualTo(1);
        assertThat(supportAudit(olga.id(), "admin.user.verification_sent")).isZero();
    }

    @Test
    void supportReadsTheDirectoryAndTheUserPageWithoutChangeButtons() {
        Person olga = registrations.registerVerified("Olga");
        jdbc.sql("UPDATE users SET totp_secret = 'secret' WHERE id = ?").param(olga.id()).update();

        assertThat(support.get("/admin/users?q=" + olga.email()).html().select("#user-" + olga.id())).hasSize(1);
        Visitor.Page page = support.get("/admin/users/" + olga.id());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#user-actions form[action$=/password-reset]")).hasSize(1);
        assertThat(page.html().select("#user-actions a, #user-actions form[action$=/sessions/end], "
                + "#user-actions form[action$=/enable]")).isEmpty();
        assertThat(page.html().select("#delete-reason")).isEmpty();
    }

    @Test
    void supportIsRefusedEveryChangePageAndEveryChangePost() {
        Person olga = registrations.registerVerified("Olga");
        jdbc.sql("UPDATE users SET totp_secret = 'secret' WHERE id = ?").param(olga.id()).update();
        long lone = database.user(Registrations.uniqueEmail("lone"), null, "Lone", "Wolf");
        long account = registrations.accountOf(olga);
        support.get("/admin/users/" + olga.id());

        for (String path : List.of("/admin/users/" + olga.id() + "/edit", "/admin/users/" + olga.id() + "/disable",
                "/admin/users/" + olga.id() + "/two-factor/disable", "/admin/users/" + lone + "/delete",
                "/admin/clients/" + account + "/delete")) {
            assertThat(support.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/admin/users/" + olga.id() + "/edit", "/admin/users/" + olga.id() + "/disable",
                "/admin/users/" + olga.id() + "/enable", "/admin/users/" + olga.id() + "/sessions/end",
                "/admin/users/" + olga.id() + "/two-factor/disable", "/admin/users/" + lone + "/delete",
                "/admin/clients/" + account + "/delete")) {
            assertThat(support.post(path, Map.of("firstName", "X", "lastName", "Y", "email", olga.email(),
                    "language", "en", "deleteUsers", "true")).status()).as(path).isEqualTo(403);
        }
        Map<String, Object> row = jdbc.sql("SELECT disabled, totp_secret, last_name FROM users WHERE id = ?")
                .param(olga.id()).query().singleRow();
        assertThat(row).containsEntry("disabled", false).containsEntry("totp_secret", "secret")
                .containsEntry("last_name", "Tester");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ?").param(lone).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ?").param(account).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events WHERE actor_type = 'STAFF' AND actor_id = ? AND action <> 'staff.login'""")
                .param(supportId).query(Long.class).single()).isZero();
    }

    private long supportAudit(long userId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = ? AND actor_type = 'STAFF' AND actor_id = ?")
                .params(userId, action, supportId).query(Long.class).single();
    }
}
