package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.invitation.SendInvitation;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Allowed domains in the Admin Area: staff editing a user's address are bound by those of the user's accounts,
 * and a client's Pending Invites mark the invitations that a later restriction leaves outside.
 */
@IntegrationTest
class AdminDomainRulesTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;
    @Autowired
    RestrictDomains restrictDomains;

    @Autowired
    SendInvitation sendInvitation;

    Database database;
    Visitor staff;

    @BeforeEach
    void loggedInAdministrator() {
        database = new Database(jdbc, encoder);
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        database.staff(staffEmail, PASSWORD);
        staff = StaffLogin.as(port, staffEmail, PASSWORD);
    }

    @Test
    void anAddressOutsideTheDomainsOfTheUsersAccountIsRefusedNamingTheAccount() {
        Person owner = registrations.registerVerified("Olivia");
        Person member = registrations.registerVerified("Mike");
        long account = registrations.accountOf(owner);
        jdbc.sql("UPDATE accounts SET name = 'Restricted Hosting' WHERE id = ?").param(account).update();
        database.membership(account, member.id());
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com"));
        String path = "/admin/users/" + member.id() + "/edit";
        staff.get(path);

        Visitor.Page refused = staff.post(path, Map.of("firstName", "Mike", "lastName", "Tester",
                "email", "mike-" + UUID.randomUUID() + "@gmail.test", "language", "en"));
        String inside = Registrations.uniqueEmail("mike-inside");
        Visitor.Page saved = staff.post(path, Map.of("firstName", "Mike", "lastName", "Tester",
                "email", inside, "language", "en"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#email-error").text())
                .isEqualTo("Restricted Hosting allows only email addresses at example.com.");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?").param(member.id()).query(String.class).single())
                .isEqualTo(inside);
    }

    @Test
    void pendingInvitesOutsideALaterRestrictionAreMarkedOnTheUsersTab() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        long outside = sendInvitation.send(new Actor.Member(owner.id(), account), account,
                EmailAddress.of("ext-" + UUID.randomUUID() + "@gmail.test"), Set.of("invoices"), Language.EN);
        long inside = sendInvitation.send(new Actor.Member(owner.id(), account), account,
                EmailAddress.of(Registrations.uniqueEmail("inside")), Set.of("invoices"), Language.EN);

        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com"));

        Visitor.Page tab = staff.get("/admin/clients/" + account + "/users");
        assertThat(tab.html().select("#invite-" + outside + " .outside-domains").text())
                .isEqualTo("Outside the allowed domains — will be refused");
        assertThat(tab.html().select("#invite-" + inside + " .outside-domains")).isEmpty();
    }
}
