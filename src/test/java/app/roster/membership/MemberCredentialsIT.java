package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.user.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the accounts a user belongs to say about their own credentials: allowed domains, and passwords. */
@IntegrationTest
class MemberCredentialsIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerOfARestrictedAccountCannotMoveOutsideItsDomains() {
        Person owner = registrations.registerVerified("Olivia");
        String name = restrictedAccountOf(owner);
        String outside = "olivia-" + UUID.randomUUID() + "@gmail.test";

        Visitor.Page refused = loggedIn(owner).post("/profile/email", Map.of("email", outside,
                "currentPassword", owner.password()));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#newEmail-error").text())
                .isEqualTo(name + " allows only email addresses at example.com, *.example.org.");
        assertThat(pendingChanges(owner)).isZero();
    }

    @Test
    void aMemberOfARestrictedAccountCannotMoveOutsideItButMayMoveWithinIt() {
        Person owner = registrations.registerVerified("Olivia");
        String name = restrictedAccountOf(owner);
        Person member = registrations.registerVerified("Mike");
        join(registrations.accountOf(owner), member);
        Visitor visitor = loggedIn(member);

        Visitor.Page refused = visitor.post("/profile/email", Map.of("email", "mike-" + UUID.randomUUID() + "@gmail.test",
                "currentPassword", member.password()));
        String inside = "mike-" + UUID.randomUUID() + "@billing.example.org";
        Visitor.Page accepted = visitor.post("/profile/email", Map.of("email", inside,
                "currentPassword", member.password()));
        follow(Mailbox.link(Mailbox.shared().awaitSubject(inside, "Verify"), "/verify-email"));

        assertThat(refused.html().selectFirst("#newEmail-error").text()).contains(name + " allows only");
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(users.findById(member.id()).orElseThrow().email().value()).isEqualTo(inside);
    }

    @Test
    void aRestrictionSetAfterTheRequestStopsTheLinkFromMovingTheLogin() {
        Person owner = registrations.registerVerified("Olivia");
        Person member = registrations.registerVerified("Mike");
        join(registrations.accountOf(owner), member);
        String outside = "mike-" + UUID.randomUUID() + "@gmail.test";
        loggedIn(member).post("/profile/email", Map.of("email", outside, "currentPassword", member.password()));
        String link = Mailbox.link(Mailbox.shared().awaitSubject(outside, "Verify"), "/verify-email");

        restrictedAccountOf(owner);

        assertThat(follow(link)).contains("This link is not valid");
        assertThat(users.findById(member.id()).orElseThrow().email().value()).isEqualTo(member.email());
    }

    @Test
    void aPasswordMadeOfTheAccountsCompanyNameIsRefused() {
        Person owner = registrations.registerVerified("Olivia");
        Person member = registrations.registerVerified("Mike");
        long account = registrations.accountOf(owner);
        jdbc.sql("UPDATE accounts SET name = 'Olivia Tester', company_name = 'Acme Hosting' WHERE id = ?")
                .param(account).update();
        join(account, member);
        Visitor visitor = loggedIn(member);

        for (String weak : new String[] {"acmehosting2024!!", "AcmeHosting123456", "roster-roster-roster"}) {
            Visitor.Page page = visitor.post("/profile/password", Map.of("currentPassword", member.password(),
                    "newPassword", weak));
            assertThat(page.status()).as(weak).isEqualTo(200);
            assertThat(page.text()).as(weak).contains("This password is too common.");
        }
        assertThat(visitor.post("/profile/password", Map.of("currentPassword", member.password(),
                "newPassword", "acme lavender tractor spoon")).status()).isEqualTo(302);
    }

    /** Restricts the person's own account and names it; the name the message must show. */
    private String restrictedAccountOf(Person owner) {
        long account = registrations.accountOf(owner);
        String name = "Acme " + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(name, account).update();
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com\n*.example.org"));
        return name;
    }

    private void join(long account, Person member) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, '', ?)")
                .params(account, member.id(), Timestamp.from(Instant.now())).update();
    }

    private int pendingChanges(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM user_tokens WHERE user_id = ? AND purpose = 'CHANGE_EMAIL'")
                .param(person.id()).query(Integer.class).single();
    }

    private Visitor loggedIn(Person person) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/profile");
        return visitor;
    }

    private String follow(String link) {
        Visitor visitor = new Visitor(port);
        visitor.get(link);
        visitor.get("/verify-email");
        return visitor.post("/verify-email", Map.of()).text();
    }
}
