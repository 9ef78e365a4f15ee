package app.roster.invitation.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.invitation.CancelInvitation;
import app.roster.invitation.InvitationEvents;
import app.roster.invitation.ResendInvitation;
import app.roster.invitation.SendInvitation;
import app.roster.membership.AccountAccess;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The accept link over HTTP, as the invitee's browser and a mail scanner use it. */
@IntegrationTest
@RecordApplicationEvents
class AcceptInvitationIT {

    private static final String PAGE = "/invitations/accept";
    private static final String NEW_PASSWORD = "copper-lantern-meadow-57";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ResendInvitation resendInvitation;
    @Autowired
    CancelInvitation cancelInvitation;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    AccountAccess access;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void openingTheLinkConsumesNothingAndAnExistingUserLogsInOnThePageAndAccepts() {
        Invited invited = invite(Set.of("invoices", "tickets"));
        Visitor scanner = new Visitor(port);
        for (int i = 0; i < 3; i++) {
            assertThat(scanner.open(invited.link()).text()).contains("You have been invited to " + invited.account());
        }
        Visitor invitee = new Visitor(port);
        Visitor.Page redirect = invitee.get(invited.link());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).endsWith(PAGE).doesNotContain("token");
        Visitor.Page page = invitee.get(PAGE);
        assertThat(page.text()).contains("You have been invited to " + invited.account())
                .contains("Olga Tester has given you access to the " + invited.account() + " account.")
                .contains("To accept the invite, please login or register below.")
                .contains(invited.masked()).doesNotContain(invited.email());
        assertThat(page.html().select("label[for=login-email], label[for=register-email]")).hasSize(2);
        assertThat(page.html().selectFirst("#register-email").attr("value")).as("the Register form is pre-filled")
                .isEqualTo(invited.email());
        assertThat(page.html().selectFirst("#login-email").attr("value")).isEmpty();
        assertThat(status(invited.id())).isEqualTo("PENDING");

        Person ivan = registrations.registerVerified("Ivan");
        Visitor.Page typo = invitee.post("/login", Map.of("email", ivan.email(), "password", "wrong-password-1",
                "from", "invitation"));
        assertThat(typo.location()).as("a wrong password stays on the invitation").endsWith(PAGE + "?loginError");
        Visitor.Page again = invitee.get(typo.location());
        assertThat(again.html().selectFirst("#login-error").text())
                .isEqualTo("The email address or password is not correct.");
        assertThat(again.text()).contains("You have been invited to " + invited.account());
        assertThat(invitee.post("/login", Map.of("email", ivan.email(), "password", "wrong-password-1")).location())
                .as("the ordinary login form keeps its own error page").endsWith("/login?error");
        Visitor.Page login = invitee.post("/login", Map.of("email", ivan.email(), "password", ivan.password(),
                "from", "invitation"));
        assertThat(login.location()).as("back to the accept page, not the dashboard").endsWith(PAGE);
        Visitor.Page confirm = invitee.get(PAGE);
        assertThat(confirm.text()).contains("You are logged in as Ivan Tester (" + ivan.email() + ")")
                .contains("Accept invitation").contains("Not you?");
        assertThat(status(invited.id())).isEqualTo("PENDING");

        Visitor.Page accepted = invitee.post(PAGE, Map.of());
        assertThat(accepted.location()).endsWith("/");
        assertThat(invitee.open(accepted.location()).text()).contains("You joined " + invited.account() + ".")
                .contains("What you can do in this account").contains("View & Pay Invoices")
                .contains("View & Open Support Tickets").doesNotContain("Modify Master Account Profile");
        assertThat(access.may(ivan.id(), invited.accountId(), "invoices")).isTrue();
        assertThat(access.may(ivan.id(), invited.accountId(), "profile")).isFalse();
        assertThat(invitee.get(PAGE).text()).as("the token left the session").contains("This invitation link is not valid");
        assertThat(new Visitor(port).open(invited.link()).text()).contains("This invitation was already accepted");
    }

    @Test
    void aTamperedTruncatedOrMissingTokenRevealsNothingAndChangesNothing() {
        Invited invited = invite(Set.of("invoices"));
        String token = invited.link().substring(invited.link().indexOf("token=") + 6);
        String base = invited.link().substring(0, invited.link().indexOf("token="));
        String missing = new Visitor(port).open(PAGE).text();
        assertThat(missing).contains("This invitation link is not valid");
        for (String bad : new String[] {token + "x", token.substring(0, token.length() / 2), "A".repeat(500)}) {
            Visitor visitor = new Visitor(port);
            String text = visitor.open(base + "token=" + bad).text();
            assertThat(text).isEqualTo(missing).doesNotContain(invited.account()).doesNotContain("Olga");
        }
        Person mallory = registrations.registerVerified("Mallory");
        Visitor visitor = new Visitor(port);
        visitor.login(mallory.email(), mallory.password());
        visitor.get(base + "token=" + token + "x");
        assertThat(visitor.post(PAGE, Map.of()).text()).contains("This invitation link is not valid");
        assertThat(status(invited.id())).isEqualTo("PENDING");
        assertThat(access.may(mallory.id(), invited.accountId(), "invoices")).isFalse();
    }

    @Test
    void aNewcomerRegistersWithAnotherAddressVerifiesLogsInAndGetsExactlyTheInvitedPermissions() {
        Invited invited = invite(Set.of("invoices", "quotes"));
        Visitor invitee = new Visitor(port);
        invitee.open(invited.link());
        String email = Registrations.uniqueEmail("nina");

        Visitor.Page registered = register(invitee, email);
        assertThat(registered.text()).contains("Check your inbox")
                .contains("then log in below to accept the invitation").contains(email);
        assertThat(registered.html().select("#login-email")).hasSize(1);
        assertThat(registered.html().select("#register-email")).isEmpty();
        long nina = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();

        verify(invitee, email);
        Visitor.Page login = invitee.post("/login", Map.of("email", email, "password", NEW_PASSWORD));
        assertThat(login.location()).endsWith(PAGE);
        invitee.get(PAGE);
        assertThat(invitee.open(invitee.post(PAGE, Map.of()).location()).text())
                .contains("You joined " + invited.account() + ".");

        assertThat(access.may(nina, invited.accountId(), "invoices")).isTrue();
        assertThat(access.may(nina, invited.accountId(), "quotes")).isTrue();
        assertThat(access.may(nina, invited.accountId(), "profile")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE owner_user_id = ?").param(nina).query(Long.class)
                .single()).as("no client account of her own").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(nina).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void registeringOnThePageWithATakenAddressAnswersTheSame() {
        Invited invited = invite(Set.of());
        Person taken = registrations.registerVerified("Tom");
        String free = Registrations.uniqueEmail("fred");
        Visitor first = new Visitor(port);
        first.open(invited.link());
        Visitor second = new Visitor(port);
        second.open(invited.link());

        String takenAnswer = register(first, taken.email()).text().replace(taken.email(), "ADDRESS");
        String freeAnswer = register(second, free).text().replace(free, "ADDRESS");

        assertThat(takenAnswer).isEqualTo(freeAnswer).contains("Check your inbox");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(taken.email()).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(Mailbox.shared().awaitMessage(taken.email(), 2)).as("the owner is told by email").isNotNull();
        assertThat(status(invited.id())).isEqualTo("PENDING");
    }

    @Test
    void replacedCancelledAndExpiredLinksSaySoAndWhomToAsk() {
        Invited replaced = invite(Set.of());
        resendInvitation.resend(new Actor.Member(replaced.ownerId(), replaced.accountId()), replaced.accountId(), replaced.id());
        assertThat(new Visitor(port).open(replaced.link()).text()).contains("This invitation link was replaced")
                .contains("Ask Olga Tester at " + replaced.account() + " to send you a new invitation.");

        Invited cancelled = invite(Set.of());
        cancelInvitation.cancel(new Actor.Member(cancelled.ownerId(), cancelled.accountId()), cancelled.accountId(), cancelled.id());
        assertThat(new Visitor(port).open(cancelled.link()).text()).contains("This invitation was cancelled")
                .contains("Ask Olga Tester at " + cancelled.account());

        Invited expired = invite(Set.of());
        Visitor early = new Visitor(port);
        early.open(expired.link());
        jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), expired.id()).update();
        assertThat(new Visitor(port).open(expired.link()).text()).contains("This invitation has expired")
                .contains("Ask Olga Tester at " + expired.account());

        Person late = registrations.registerVerified("Lena");
        early.post("/login", Map.of("email", late.email(), "password", late.password()));
        early.get(PAGE);
        assertThat(early.post(PAGE, Map.of()).text()).contains("This invitation has expired");
        assertThat(access.may(late.id(), expired.accountId(), "users")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ? AND account_id = ?")
                .params(late.id(), expired.accountId()).query(Long.class).single()).isZero();
    }

    @Test
    void aRestrictedAccountRefusesAnOutsideAddressAndWaitsForAnInDomainOneToBeVerified() {
        String domain = "corp-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Person owner = registrations.registerVerified("Olga");
        long accountId = registrations.accountOf(owner);
        restrictDomains.restrict(registrations.ownerOf(accountId), accountId, AllowedDomains.parse(domain));
        sendInvitation.send(new Actor.Member(owner.id(), accountId), accountId, EmailAddress.of("team@" + domain), Set.of("invoices"),
                Language.EN);
        String link = lastLink();
        Person outsider = registrations.registerVerified("Otto");
        Visitor visitor = new Visitor(port);
        assertThat(visitor.open(link).text()).contains(domain);

        visitor.post("/login", Map.of("email", outsider.email(), "password", outsider.password()));
        visitor.get(PAGE);
        Visitor.Page refused = visitor.post(PAGE, Map.of());
        assertThat(refused.text()).contains("Your email address is not allowed in this account").contains(domain);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(outsider.id())
                .query(Long.class).single()).as("only his own account").isEqualTo(1);

        Visitor.Page loggedOut = visitor.post(PAGE + "/logout", Map.of());
        assertThat(loggedOut.location()).endsWith(PAGE);
        String email = "ina-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        visitor.get(PAGE);
        register(visitor, email);
        long ina = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
        visitor.post("/login", Map.of("email", email, "password", NEW_PASSWORD));
        visitor.get(PAGE);
        Visitor.Page waiting = visitor.post(PAGE, Map.of());
        assertThat(waiting.text()).contains("Verify your email address to get access").contains(email);
        assertThat(access.may(ina, accountId, "invoices")).isFalse();

        verify(visitor, email);
        assertThat(access.may(ina, accountId, "invoices")).isTrue();
    }

    @Test
    void withTwoFactorTheCodeStepAlsoLeadsBackToTheAcceptPage() throws Exception {
        Invited invited = invite(Set.of("invoices"));
        Person jane = registrations.registerVerified("Jane");
        Visitor setup = new Visitor(port);
        setup.login(jane.email(), jane.password());
        String secret = setup.get("/profile/two-factor").html().selectFirst("#secret").text();
        String code = new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
        List<String> recovery = setup.post("/profile/two-factor", Map.of("code", code)).html()
                .select("#recovery-codes li").eachText();
        Visitor invitee = new Visitor(port);
        invitee.open(invited.link());

        Visitor.Page password = invitee.post("/login", Map.of("email", jane.email(), "password", jane.password()));
        assertThat(password.location()).endsWith("/login/two-factor");
        invitee.get("/login/two-factor");
        Visitor.Page second = invitee.post("/login/two-factor", Map.of("code", recovery.getFirst()));
        assertThat(second.location()).endsWith(PAGE);
        assertThat(invitee.get(PAGE).text()).contains("You are logged in as Jane Tester").contains("Accept invitation");
        assertThat(invitee.open(invitee.post(PAGE, Map.of()).location()).text())
                .contains("You joined " + invited.account() + ".");
        assertThat(access.may(jane.id(), invited.accountId(), "invoices")).isTrue();
    }

    @Test
    void theAcceptPostNeedsTheCsrfToken() {
        Invited invited = invite(Set.of("invoices"));
        Person ivan = registrations.registerVerified("Ivan");
        Visitor visitor = new Visitor(port);
        visitor.login(ivan.email(), ivan.password());
        visitor.open(invited.link());

        assertThat(visitor.postRaw(PAGE, Map.of()).status()).isEqualTo(403);
        assertThat(status(invited.id())).isEqualTo("PENDING");
        assertThat(access.may(ivan.id(), invited.accountId(), "invoices")).isFalse();
    }

    @Test
    void anInvitationToAClosedAccountWaitsUntilTheAccountIsReopened() {
        Invited invited = invite(Set.of("invoices"));
        Person ivan = registrations.registerVerified("Ivan");
        Visitor visitor = new Visitor(port);
        visitor.login(ivan.email(), ivan.password());
        jdbc.sql("UPDATE accounts SET status = 'CLOSED' WHERE id = ?").param(invited.accountId()).update();

        assertThat(visitor.open(invited.link()).text()).contains("This account is closed")
                .doesNotContain("Accept invitation");
        visitor.get(PAGE);
        assertThat(visitor.post(PAGE, Map.of()).status()).isIn(200, 302);
        assertThat(status(invited.id())).isEqualTo("PENDING");
        assertThat(access.may(ivan.id(), invited.accountId(), "invoices")).isFalse();

        jdbc.sql("UPDATE accounts SET status = 'ACTIVE' WHERE id = ?").param(invited.accountId()).update();
        assertThat(visitor.open(invited.link()).text()).contains("Accept invitation");
        visitor.post(PAGE, Map.of());
        assertThat(status(invited.id())).isEqualTo("ACCEPTED");
        assertThat(access.may(ivan.id(), invited.accountId(), "invoices")).isTrue();
    }

    private record Invited(long id, long ownerId, long accountId, String account, String email, String masked,
            String link) {
    }

    private Invited invite(Set<String> permissions) {
        Person owner = registrations.registerVerified("Olga");
        long accountId = registrations.accountOf(owner);
        String account = "Acme " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(account, accountId).update();
        String email = Registrations.uniqueEmail("invited");
        long id = sendInvitation.send(new Actor.Member(owner.id(), accountId), accountId, EmailAddress.of(email), permissions, Language.EN);
        return new Invited(id, owner.id(), accountId, account, email, EmailAddress.of(email).masked(), lastLink());
    }

    private String lastLink() {
        return events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b).orElseThrow().link();
    }

    private Visitor.Page register(Visitor visitor, String email) {
        visitor.get(PAGE);
        Visitor.Page answer = visitor.post(PAGE + "/register", Map.of("firstName", "Nina", "lastName", "Newcomer",
                "email", email, "password", NEW_PASSWORD, "acceptTerms", "true"));
        assertThat(answer.status()).isEqualTo(302);
        return visitor.open(answer.location());
    }

    private void verify(Visitor visitor, String email) {
        String link = Mailbox.link(Mailbox.shared().awaitSubject(email, "Verify your email address"), "/verify-email");
        visitor.open(link);
        assertThat(visitor.post("/verify-email", Map.of()).text()).contains("Your email address is verified");
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM invitations WHERE id = ?").param(id).query(String.class).single();
    }
}
