package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LoginIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;


    @Test
    void logsInRecordsTheLoginAndLandsInTheAccount() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);

        Visitor.Page page = visitor.login(jane.email(), jane.password());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Hello, Jane!").contains("What you can do in this account");
        User user = users.findById(jane.id()).orElseThrow();
        assertThat(user.lastLogin().at()).isNotNull();
        assertThat(user.lastLogin().ip()).isEqualTo("127.0.0.1");
        assertThat(auditCount(jane.id(), "user.login")).isEqualTo(1);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Person jane = registrations.registerVerified("Jane");
        Visitor first = new Visitor(port);
        first.get("/login");
        Visitor.Page wrongPassword = first.post("/login", Map.of("email", jane.email(), "password", "not-her-password-at-all"));
        Visitor second = new Visitor(port);
        second.get("/login");
        Visitor.Page unknownEmail = second.post("/login", Map.of("email", "nobody-" + jane.email(), "password", "not-her-password-at-all"));

        assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status()).isEqualTo(302);
        assertThat(wrongPassword.location()).isEqualTo(unknownEmail.location()).endsWith("/login?error");
        assertThat(first.get(wrongPassword.location()).text()).isEqualTo(second.get(unknownEmail.location()).text())
                .contains("The email address or password is not correct.");
    }

    @Test
    void aDisabledUserGetsTheSameAnswerAsAWrongPassword() {
        Person jane = registrations.registerVerified("Jane");
        jdbc.sql("UPDATE users SET disabled = TRUE WHERE id = ?").param(jane.id()).update();
        Visitor visitor = new Visitor(port);
        visitor.get("/login");

        Visitor.Page page = visitor.post("/login", Map.of("email", jane.email(), "password", jane.password()));

        assertThat(page.location()).endsWith("/login?error");
        assertThat(visitor.get("/").location()).endsWith("/login");
    }

    @Test
    void theSessionIdChangesAtLogin() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.get("/login");
        String before = visitor.cookie("ROSTER_SESSION");

        visitor.login(jane.email(), jane.password());

        assertThat(before).isNotNull();
        assertThat(visitor.cookie("ROSTER_SESSION")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.get("/login");

        Visitor.Page page = visitor.postRaw("/login", Map.of("email", jane.email(), "password", jane.password()));

        assertThat(page.status()).isEqualTo(403);
        assertThat(visitor.get("/").location()).endsWith("/login");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        String session = visitor.cookie("ROSTER_SESSION");

        visitor.post("/logout", Map.of());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(jane.id())).query(Integer.class).single()).isZero();
        assertThat(session).isNotNull();
        assertThat(visitor.get("/").location()).endsWith("/login");
    }

    @Test
    void aFailedLoginIsAuditedWithoutThePassword() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.get("/login");
        visitor.post("/login", Map.of("email", jane.email(), "password", "secret-guess-9876"));

        String details = jdbc.sql("SELECT details FROM audit_events WHERE action = 'user.login_failed' AND details LIKE ?")
                .param("%" + jane.email() + "%").query(String.class).single();
        assertThat(details).doesNotContain("secret-guess-9876");
    }

    private int auditCount(long userId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = ?")
                .params(userId, action).query(Integer.class).single();
    }
}
