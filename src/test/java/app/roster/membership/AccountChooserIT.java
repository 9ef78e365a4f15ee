package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.account.CloseAccount;
import app.roster.invitation.InvitationEvents;
import app.roster.invitation.SendInvitation;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Tenants;
import app.roster.support.Tenants.Tenant;
import app.roster.support.Visitor;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Where a login lands: the only account, the chooser (last used first), or the page the user was sent to. */
@IntegrationTest
@RecordApplicationEvents
class AccountChooserIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    Tenants tenants;
    @Autowired
    RemoveMember removeMember;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ApplicationEvents events;

    final Actor.Staff administrator = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");

    @Test
    void aUserWithOneAccountGoesStraightIn() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);

        Visitor.Page login = logIn(visitor, jane);

        assertThat(login.location()).endsWith("/");
        Visitor.Page start = visitor.get("/");
        assertThat(start.status()).as("the login selected the only account: no chooser, no second redirect")
                .isEqualTo(200);
        assertThat(start.text()).contains("What you can do in this account");
    }

    @Test
    void aUserWithTwoAccountsChoosesAfterEveryLoginWithTheLastUsedFirstAndMarked() {
        Tenant tenant = tenants.withMember("invoices");
        Person max = tenant.member();
        long own = registrations.accountOf(max);
        Visitor visitor = new Visitor(port);

        logIn(visitor, max);
        assertThat(visitor.get("/").location()).endsWith("/accounts");
        Visitor.Page first = visitor.get("/accounts");
        assertThat(choices(first)).containsExactly("Max Tester", "Olga Tester");
        assertThat(first.html().select(".badge").eachText()).doesNotContain("Last used");

        visitor.post("/accounts/" + tenant.account() + "/select", Map.of());
        assertThat(visitor.get("/").text()).contains("Olga Tester");
        visitor.post("/logout", Map.of());

        logIn(visitor, max);
        assertThat(visitor.get("/").location()).as("the chooser again, not the last used silently").endsWith("/accounts");
        Visitor.Page again = visitor.get("/accounts");
        assertThat(choices(again)).containsExactly("Olga Tester", "Max Tester");
        Element lastUsed = again.html().selectFirst("main form button");
        assertThat(lastUsed.text()).contains("Olga Tester").contains("Last used");
        assertThat(again.html().select("main form button").get(1).text()).doesNotContain("Last used");
        assertThat(again.html().select("#chooser-message")).isEmpty();

        visitor.post("/accounts/" + own + "/select", Map.of());
        assertThat(visitor.get("/").text()).as("within the session the choice holds").contains("Max Tester")
                .contains("What you can do in this account");
    }

    @Test
    void theChooserComesAfterTheTwoFactorStepToo() throws Exception {
        Person max = tenants.withMember("invoices").member();
        Visitor setup = new Visitor(port);
        setup.login(max.email(), max.password());
        String secret = setup.get("/profile/two-factor").html().selectFirst("#secret").text();
        setup.post("/profile/two-factor", Map.of("code", code(secret, 0)));
        Visitor visitor = new Visitor(port);

        assertThat(logIn(visitor, max).location()).endsWith("/login/two-factor");
        visitor.get("/login/two-factor");
        Visitor.Page in = visitor.post("/login/two-factor", Map.of("code", code(secret, 1)));

        assertThat(in.location()).endsWith("/");
        assertThat(visitor.get("/").location()).endsWith("/accounts");
    }

    @Test
    void loggingInToAcceptAnInvitationGoesBackToItAndThenIntoItsAccountNotToTheChooser() {
        Tenant tenant = tenants.withMember("invoices");
        Person max = tenant.member();
        String invited = Registrations.uniqueEmail("max-elsewhere");
        sendInvitation.send(new Actor.Member(tenant.stranger().id(), tenant.strangersAccount()),
                tenant.strangersAccount(), EmailAddress.of(invited), Set.of("tickets"), Language.EN);
        String link = events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b)
                .orElseThrow().link();
        Visitor visitor = new Visitor(port);
        visitor.open(link);

        Visitor.Page login = visitor.post("/login", Map.of("email", max.email(), "password", max.password(),
                "from", "invitation"));
        assertThat(login.location()).endsWith("/invitations/accept");
        visitor.get("/invitations/accept");
        Visitor.Page accepted = visitor.post("/invitations/accept", Map.of());

        assertThat(accepted.location()).endsWith("/");
        Visitor.Page start = visitor.get("/");
        assertThat(start.status()).as("three accounts now, but the invitation named one").isEqualTo(200);
        assertThat(start.html().selectFirst("main h1").text()).isEqualTo("Else Tester");
    }

    @Test
    void aPageTheUserWasSentToLogInForWinsOverTheChooser() {
        Person max = tenants.withMember("invoices").member();
        Visitor visitor = new Visitor(port);
        assertThat(visitor.get("/profile/security?tab=sessions").location()).endsWith("/login");

        Visitor.Page login = logIn(visitor, max);

        assertThat(login.location()).endsWith("/profile/security?tab=sessions");
        assertThat(visitor.get(login.location()).status()).isEqualTo(200);
    }

    @Test
    void aDeepLinkToAnAccountPageOfAUserWithOneAccountOpensIt() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.get("/account");

        Visitor.Page login = logIn(visitor, jane);

        assertThat(login.location()).endsWith("/account");
        Visitor.Page noneYet = visitor.get("/account");
        assertThat(noneYet.location()).endsWith("/accounts?next=%2Faccount");
        Visitor.Page chooser = visitor.get(noneYet.location());
        assertThat(chooser.location()).as("one account: nothing to choose").endsWith("/account");
        assertThat(visitor.get("/account").status()).isEqualTo(200);
    }

    @Test
    void aDeepLinkToAnAccountPageOfAUserWithTwoAccountsAsksWhichOneThenOpensIt() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor visitor = new Visitor(port);
        visitor.get("/profile/security");
        logIn(visitor, tenant.member());
        Visitor.Page noneYet = visitor.get("/account");
        Visitor.Page chooser = visitor.get(noneYet.location());
        assertThat(chooser.status()).isEqualTo(200);
        assertThat(chooser.html().select("main form input[name=next]").eachAttr("value")).containsOnly("/account");

        Visitor.Page selected = visitor.post("/accounts/" + registrations.accountOf(tenant.member()) + "/select",
                Map.of("next", "/account"));

        assertThat(selected.location()).endsWith("/account");
        assertThat(visitor.post("/accounts/" + registrations.accountOf(tenant.member()) + "/select",
                Map.of("next", "//elsewhere.example/x")).location()).as("only a local path").endsWith("/")
                .doesNotContain("elsewhere");
    }

    @Test
    void aSavedRequestIsUsedOnce() {
        Person max = tenants.withMember("invoices").member();
        Visitor visitor = new Visitor(port);
        visitor.get("/profile");
        logIn(visitor, max);
        visitor.post("/logout", Map.of());

        Visitor.Page again = logIn(visitor, max);

        assertThat(again.location()).endsWith("/").doesNotContain("/profile");
    }

    @Test
    void theChooserAnswers404ForAnAccountOfSomeoneElseAndForOneThatDoesNotExist() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor visitor = new Visitor(port);
        logIn(visitor, tenant.member());
        visitor.get("/accounts");

        assertThat(visitor.post("/accounts/" + tenant.strangersAccount() + "/select", Map.of()).status())
                .isEqualTo(404);
        assertThat(visitor.post("/accounts/987654321/select", Map.of()).status()).isEqualTo(404);
        assertThat(visitor.postRaw("/accounts/" + tenant.account() + "/select", Map.of()).status())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(visitor.get("/").location()).as("nothing was selected").endsWith("/accounts");
    }

    @Test
    void afterRemovalWithAnotherAccountLeftTheChooserSaysSoOnce() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor visitor = new Visitor(port);
        logIn(visitor, tenant.member());
        visitor.get("/accounts");
        visitor.post("/accounts/" + tenant.account() + "/select", Map.of());

        removeMember.remove(registrations.ownerOf(tenant.account()), tenant.account(), tenant.member().id());

        assertThat(visitor.get("/").location()).endsWith("/accounts");
        Visitor.Page chooser = visitor.get("/accounts");
        assertThat(chooser.html().select("#chooser-message").eachText()).containsExactly(
                "You no longer have access to the account you were using. Choose another one.");
        assertThat(choices(chooser)).containsExactly("Max Tester");
        assertThat(visitor.get("/accounts").html().select("#chooser-message")).as("said once").isEmpty();
    }

    @Test
    void afterRemovalFromTheLastAccountOnlyOneMessageShows() {
        Tenant tenant = tenants.withMember("invoices");
        Person max = tenant.member();
        long own = registrations.accountOf(max);
        Visitor visitor = new Visitor(port);
        logIn(visitor, max);
        visitor.get("/accounts");
        visitor.post("/accounts/" + tenant.account() + "/select", Map.of());
        // Staff close Max's own account, so that removing him from Olga's leaves him none.
        closeAccount.close(administrator, own);
        removeMember.remove(registrations.ownerOf(tenant.account()), tenant.account(), max.id());

        Visitor.Page chooser = visitor.open("/");

        assertThat(chooser.html().select("#chooser-message").eachText()).containsExactly(
                "You no longer have access to the account you were using, and you belong to no other client account. "
                        + "To work in an account again, ask its owner to invite you.");
        assertThat(chooser.text()).doesNotContain("yet").doesNotContain("Choose another one");
        assertThat(choices(chooser)).isEmpty();
    }

    @Test
    void leavingTheLastSharedAccountShowsTheNoticeAndNoContradictingEmptyState() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor visitor = new Visitor(port);
        logIn(visitor, tenant.member());
        visitor.get("/accounts");
        visitor.post("/accounts/" + tenant.account() + "/select", Map.of());
        visitor.get("/leave");

        Visitor.Page left = visitor.post("/leave", Map.of());
        Visitor.Page chooser = visitor.get(left.location());

        assertThat(chooser.html().select("#chooser-message").eachText()).containsExactly("You left Olga Tester.");
        assertThat(choices(chooser)).containsExactly("Max Tester");
    }

    /** The code of the current step plus {@code offset} steps (the verifier accepts one step of drift). */
    private static String code(String secret, int offset) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + offset);
    }

    private static List<String> choices(Visitor.Page page) {
        return page.html().select("main form button > span:first-child").eachText();
    }

    private static Visitor.Page logIn(Visitor visitor, Person person) {
        visitor.get("/login");
        return visitor.post("/login", Map.of("email", person.email(), "password", person.password()));
    }
}
