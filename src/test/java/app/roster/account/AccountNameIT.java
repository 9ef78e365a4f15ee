package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.invitation.SendInvitation;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Visitor;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up names the new account after the company when one is given, else after the person. */
@IntegrationTest
class AccountNameIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    SendInvitation sendInvitation;

    @Test
    void aCompanyNamesTheAccountAndTheInvitationEmailSaysIt() {
        String email = Registrations.uniqueEmail("Ada");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        assertThat(visitor.get("/register").html().select("label[for=companyName]").text())
                .isEqualTo("Company name (optional)");

        Visitor.Page page = visitor.post("/register", form(email, "  Acme Ltd "));

        assertThat(page.status()).isEqualTo(200);
        Account account = ownedBy(email);
        assertThat(account.name()).isEqualTo("Acme Ltd");
        assertThat(account.profile().companyName()).isEqualTo("Acme Ltd");

        String invitee = Registrations.uniqueEmail("Ivo");
        sendInvitation.send(new Actor.Member(account.ownerUserId(), account.id()), account.id(),
                EmailAddress.of(invitee), Set.of("invoices"), Language.EN);
        assertThat(Mailbox.text(Mailbox.shared().awaitMessage(invitee.toLowerCase(), 1)))
                .contains("Ada Lopez has given you access to the Acme Ltd account.");
    }

    @Test
    void withoutACompanyTheAccountIsNamedAfterThePerson() {
        String email = Registrations.uniqueEmail("Ada");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");

        visitor.post("/register", form(email, "   "));

        Account account = ownedBy(email);
        assertThat(account.name()).isEqualTo("Ada Lopez");
        assertThat(account.profile().companyName()).isNull();
    }

    @Test
    void anInvisibleCharacterInTheCompanyIsAFieldErrorAndCreatesNothing() {
        String email = Registrations.uniqueEmail("Ada");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");

        Visitor.Page page = visitor.post("/register", form(email, "Acme\u202e Ltd"));

        assertThat(page.html().select("#companyName-error").text())
                .isEqualTo("Please remove invisible or control characters.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void thePasswordMayNotBeMadeOfTheCompanyName() {
        String email = Registrations.uniqueEmail("Ada");
        Visitor visitor = new Visitor(port);
        visitor.get("/register");
        Map<String, String> form = form(email, "Zephyrquill Lanterns");
        form.put("password", "zephyrquill-lanterns-zephyrquill");

        Visitor.Page page = visitor.post("/register", form);

        assertThat(page.html().select("#password-error").text()).isEqualTo("This password is too common. Please choose another one.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Integer.class).single()).isZero();
    }

    private Account ownedBy(String email) {
        long userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email.toLowerCase())
                .query(Long.class).single();
        long accountId = jdbc.sql("SELECT id FROM accounts WHERE owner_user_id = ?").param(userId)
                .query(Long.class).single();
        return accounts.findById(accountId).orElseThrow();
    }

    private static Map<String, String> form(String email, String company) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", "Ada");
        form.put("lastName", "Lopez");
        form.put("companyName", company);
        form.put("email", email);
        form.put("password", Registrations.PASSWORD);
        form.put("acceptTerms", "true");
        return form;
    }
}
