package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.RealPasswordHashing;
import app.roster.support.Registrations;
import app.roster.support.Visitor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistrationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    @RealPasswordHashing
    void createsTheUserAndAnAccountTheyOwnAndAuditsBoth() {
        String email = Registrations.uniqueEmail("Ana");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");

        Visitor.Page page = visitor.post("/register", form(email));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Check your inbox").contains(email.toLowerCase());
        long userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email.toLowerCase()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT name FROM accounts WHERE owner_user_id = ?").param(userId).query(String.class).single())
                .isEqualTo("Ana Lopez");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(userId).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_events WHERE user_id = ? ORDER BY id").param(userId)
                .query(String.class).list()).containsSubsequence("user.registered", "account.opened");
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(userId).query(String.class).single())
                .startsWith("$argon2id$").contains("m=19456,t=2,p=1");
    }

    @Test
    void aTakenAddressGetsTheSamePageAndCreatesNothing() {
        String email = Registrations.uniqueEmail("Ana");
        Visitor first = new Visitor(port);
        first.get("/register");
        Visitor.Page fresh = first.post("/register", form(email));
        Visitor second = new Visitor(port);
        second.get("/register");

        Visitor.Page taken = second.post("/register", form(email));

        assertThat(taken.status()).isEqualTo(fresh.status());
        assertThat(taken.html().select("main").text()).isEqualTo(fresh.html().select("main").text());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "firstName | ''                          | Please fill in this field.",
        "firstName | LONG                        | Please use at most 100 characters.",
        "lastName  | Bad\u0007Name                | Please remove invisible or control characters.",
        "lastName  | Evil\u202eName               | Please remove invisible or control characters.",
        "email     | not-an-address              | Please enter a valid email address.",
        "email     | jane\u200b@example.com       | Please enter a valid email address.",
        "password  | short                       | Please use at least 12 characters.",
        "password  | password123456              | This password is too common.",
        "acceptTerms | false                     | Please accept the Terms of Service."
    })
    void badInputGetsAFieldErrorAndCreatesNothing(String field, String value, String message) {
        String email = Registrations.uniqueEmail("Bad");
        Map<String, String> form = form(email);
        form.put(field, "LONG".equals(value) ? "x".repeat(101) : value);
        if (field.equals("acceptTerms")) {
            form.remove("acceptTerms");
        }
        Visitor visitor = new Visitor(port);
        visitor.get("/register");

        Visitor.Page page = visitor.post("/register", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#" + field + "-error, #" + field + " ~ .invalid-feedback").text()).contains(message);
        assertThat(page.field("password").val()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anAbsurdlyLongPostIsAnErrorPageNotACrash() {
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        Map<String, String> form = form("x".repeat(5000) + "@example.com");
        form.put("password", "p".repeat(10_000));

        Visitor.Page page = visitor.post("/register", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("Whitelabel");
    }

    @Test
    void aRegistrationWithoutCsrfTokenIsRefused() {
        String email = Registrations.uniqueEmail("Ana");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");

        assertThat(visitor.postRaw("/register", form(email)).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Integer.class).single()).isZero();
    }

    static Map<String, String> form(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", "Ana");
        form.put("lastName", "Lopez");
        form.put("email", email);
        form.put("password", Registrations.PASSWORD);
        form.put("acceptTerms", "true");
        return form;
    }
}
