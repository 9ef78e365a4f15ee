package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Concurrently;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A double-click: the same form posted twice at the same moment, from the Client Area and from the Admin
 * Area. One invitation (or membership) and one email; the other request gets the ordinary refusal.
 * Several rounds, because one pair of requests may happen not to overlap.
 */
@IntegrationTest
class ConcurrentInvitationIT {

    private static final int ROUNDS = 4;
    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    Person owner;
    long account;

    @BeforeEach
    void anAccount() {
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
    }

    @Test
    void aDoubleClickOnSendInviteSendsOneInvitationAndTheOtherClickIsToldItIsPending() {
        // two sessions of the same manager: the race is in the invitation, not in the session store
        Visitor first = signedIn();
        Visitor second = signedIn();
        for (int round = 0; round < ROUNDS; round++) {
            String email = Registrations.uniqueEmail("ivy");
            List<Map.Entry<String, String>> form = List.of(Map.entry("mode", "choose"),
                    Map.entry("permissions", "invoices"), Map.entry("email", email), Map.entry("language", "en"));
            first.get("/users/invite");
            second.get("/users/invite");

            List<Page> pages = Concurrently.both(() -> first.post("/users/invite", form),
                    () -> second.post("/users/invite", form));

            assertThat(pages).extracting(Page::status).as("round %d", round).containsExactlyInAnyOrder(302, 200);
            Page refused = pages.stream().filter(p -> p.status() == 200).findFirst().orElseThrow();
            assertThat(refused.html().selectFirst("#email-error").text())
                    .contains("This address already has a pending invitation.");
            long id = jdbc.sql("SELECT id FROM invitations WHERE account_id = ? AND email = ?").params(account, email)
                    .query(Long.class).single();
            assertThat(refused.html().selectFirst("form#resend-existing").attr("action"))
                    .isEqualTo("/users/invitations/" + id + "/resend");
            assertThat(outbox(email)).isEqualTo(1);
        }
    }

    @Test
    void staffAssociatingTheSameUserTwiceAtOnceMakeOneMembershipOrOneInvitation() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(staffEmail, "Staff", encoder.encode(STAFF_PASSWORD), Timestamp.from(Instant.now())).update();
        Visitor first = staff(staffEmail);
        Visitor second = staff(staffEmail);
        String associate = "/admin/clients/" + account + "/associate";
        for (int round = 0; round < ROUNDS; round++) {
            for (String sendInvite : List.of("no", "yes")) {
                Person user = registrations.registerVerified("Max");
                List<Map.Entry<String, String>> form = List.of(Map.entry("userId", String.valueOf(user.id())),
                        Map.entry("scope", "all"), Map.entry("sendInvite", sendInvite));
                first.get(associate + "?userId=" + user.id());
                second.get(associate + "?userId=" + user.id());

                List<Page> pages = Concurrently.both(() -> first.post(associate, form),
                        () -> second.post(associate, form));

                assertThat(pages).extracting(Page::status).as("round %d, send invite %s", round, sendInvite)
                        .containsExactlyInAnyOrder(302, 200);
                Page refused = pages.stream().filter(p -> p.status() == 200).findFirst().orElseThrow();
                assertThat(refused.text()).containsAnyOf("This user is already a user of this account.",
                        "This address already has a pending invitation to this account.");
                int memberships = jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                        .params(account, user.id()).query(Integer.class).single();
                int invitations = jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ? AND email = ?")
                        .params(account, user.email()).query(Integer.class).single();
                assertThat(memberships + invitations).isEqualTo(1);
                assertThat(audits("membership.added", user.id())).isEqualTo(memberships);
                if (sendInvite.equals("yes")) {
                    assertThat(outbox(user.email())).isEqualTo(1);
                }
            }
        }
    }

    private Visitor signedIn() {
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());
        return visitor;
    }

    private Visitor staff(String email) {
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");
        assertThat(visitor.post("/admin/login", Map.of("email", email, "password", STAFF_PASSWORD)).location())
                .endsWith("/admin");
        return visitor;
    }

    /** Invitation emails queued to the address. */
    private int outbox(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND text_body LIKE '%/invitations/accept%'")
                .param(email).query(Integer.class).single();
    }

    private int audits(String action, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND account_id = ? AND user_id = ?")
                .params(action, account, userId).query(Integer.class).single();
    }
}
