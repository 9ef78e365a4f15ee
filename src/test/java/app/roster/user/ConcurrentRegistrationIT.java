package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.invitation.SendInvitation;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.Concurrently;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Two sign-ups with the same address (in different case) at the same moment, on /register and on the
 * invitation's accept page: both get the answer every registration gets, one user exists, and the owner of
 * the address hears about the other attempt by email. Several rounds, because one pair may not overlap.
 */
@IntegrationTest
@RecordApplicationEvents
class ConcurrentRegistrationIT {

    private static final int ROUNDS = 2;
    private static final String ACCEPT = "/invitations/accept";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void twoSignUpsOfOneAddressAtOnceBothSeeTheUsualPage() {
        for (int round = 0; round < ROUNDS; round++) {
            String email = Registrations.uniqueEmail("ana");
            Visitor first = new Visitor(port);
            Visitor second = new Visitor(port);
            first.get("/register");
            second.get("/register");

            List<Page> pages = Concurrently.both(() -> first.post("/register", form(email)),
                    () -> second.post("/register", form(email.toUpperCase(Locale.ROOT))));

            assertThat(pages).extracting(Page::status).as("round %d", round).containsExactly(200, 200);
            assertThat(pages.get(0).html().select("main").text()).contains("Check your inbox")
                    .isEqualTo(pages.get(1).html().select("main").text());
            assertOneUserToldOfTheOtherAttempt(email);
        }
    }

    @Test
    void twoRegistrationsOnTheAcceptPageAtOnceBothSeeTheUsualAnswer() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        for (int round = 0; round < ROUNDS; round++) {
            sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("invited")),
                    Set.of("invoices"), Language.EN);
            String link = events.stream(app.roster.invitation.InvitationEvents.InvitationEmailRequested.class)
                    .reduce((a, b) -> b).orElseThrow().link();
            String email = Registrations.uniqueEmail("nina");
            Visitor first = new Visitor(port);
            Visitor second = new Visitor(port);
            first.open(link);
            second.open(link);

            List<Page> answers = Concurrently.both(() -> first.post(ACCEPT + "/register", form(email)),
                    () -> second.post(ACCEPT + "/register", form(email.toUpperCase(Locale.ROOT))));

            assertThat(answers).extracting(Page::status).as("round %d", round).containsExactly(302, 302);
            String one = first.open(answers.get(0).location()).html().select("main").text();
            String other = second.open(answers.get(1).location()).html().select("main").text();
            assertThat(one).contains(email).isEqualTo(other);
            assertOneUserToldOfTheOtherAttempt(email);
        }
    }

    private void assertOneUserToldOfTheOtherAttempt(String email) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(email).query(Integer.class)
                .single()).as("the verification email and the notice of the second attempt").isEqualTo(2);
    }

    private static Map<String, String> form(String email) {
        return Map.of("firstName", "Ana", "lastName", "Lopez", "email", email, "password", Registrations.PASSWORD,
                "acceptTerms", "true");
    }
}
