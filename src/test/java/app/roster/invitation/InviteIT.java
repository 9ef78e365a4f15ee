package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.account.RestrictDomains;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invite New User and Pending Invites through HTTP. Account A: owner O, manager M (users, invoices), P
 * (invoices). Account B: owner BO.
 */
@IntegrationTest
class InviteIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    AllowedDomainsRepository allowedDomains;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermissionCatalogue catalogue;

    Person o;
    Person m;
    Person p;
    Person bo;
    long a;
    long b;

    @BeforeEach
    void twoAccounts() {
        o = registrations.registerVerified("Olga");
        m = registrations.registerVerified("Max");
        p = registrations.registerVerified("Pia");
        bo = registrations.registerVerified("Bruno");
        a = registrations.accountOf(o);
        b = registrations.accountOf(bo);
        join(a, m, "users,invoices");
        join(a, p, "invoices");
    }

    @Test
    void theOwnerInvitesAndSeesThemUnderPendingInvites() {
        Visitor owner = in(a, o);
        Page users = owner.get("/users");
        assertThat(users.html().selectFirst("a#invite-new-user").attr("href")).isEqualTo("/users/invite");
        assertThat(users.html().selectFirst("#invites-empty").text()).isEqualTo("There are no pending invitations.");

        Page form = owner.get("/users/invite");
        assertThat(form.status()).isEqualTo(200);
        for (String id : List.of("email", "mode-all", "mode-choose", "permission-invoices", "language")) {
            assertThat(form.html().select("label[for=" + id + "]")).as(id).hasSize(1);
        }
        assertThat(form.html().select("#language option").eachText()).containsExactly("English", "Français", "Deutsch");
        String email = Registrations.uniqueEmail("ivy");

        Page sent = owner.post("/users/invite", invite(email.toUpperCase(), "fr", "invoices", "quotes"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/users");
        Map<String, Object> row = jdbc.sql("SELECT * FROM invitations WHERE account_id = ? AND email = ?")
                .params(a, email).query().singleRow();
        assertThat(row.get("permissions")).isEqualTo("invoices,quotes");
        assertThat(row.get("language")).isEqualTo("fr");
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("invited_by_user_id")).isEqualTo(o.id());
        assertThat(audits("invitation.sent", a)).isEqualTo(1);

        Page list = owner.open(sent.location());
        assertThat(list.text()).contains("An invitation was sent to " + email + ".");
        var invite = list.html().selectFirst("#invites tr[data-invitation-id=" + row.get("id") + "]");
        assertThat(invite.text()).contains(email, "Invite Sent: just now", "Olga Tester", "View & Pay Invoices",
                "View & Accept Quotes", "UTC").doesNotContain("Expired");
        assertThat(invite.select("button, a").eachText())
                .containsExactly("Resend Invite", "Edit permissions", "Cancel Invite");
    }

    @Test
    void eachRefusalIsShownNextToTheEmailFieldAndCreatesNothing() {
        Visitor owner = in(a, o);
        owner.get("/users/invite");

        assertRefusal(owner, invite("not an address", "en"), "Please enter a valid email address.");
        assertRefusal(owner, invite(p.email(), "en", "invoices"), "This person is already a user of this account.");

        long existing = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of("twice@example.com"), Set.of(), Language.EN);
        Page again = assertRefusal(owner, invite("twice@example.com", "en"), "already has a pending invitation");
        var resend = again.html().selectFirst("#email-error button[form=resend-existing]");
        assertThat(resend.text()).isEqualTo("Resend Invite");
        assertThat(again.html().selectFirst("form#resend-existing").attr("action"))
                .isEqualTo("/users/invitations/" + existing + "/resend");

        assertThat(jdbc.sql("UPDATE rate_limits SET hits = 50 WHERE bucket = ?").param("invite:account:" + a).update())
                .as("the account's invitation counter, started by the send above").isEqualTo(1);
        assertRefusal(owner, invite("fresh@example.com", "en"), "Too many invitations were sent in the last hour.");

        restrictDomains.restrict(registrations.ownerOf(a), a, AllowedDomains.parse("example.org\n*.example.net"));
        Page restricted = owner.get("/users/invite");
        assertThat(restricted.html().selectFirst("#allowed-domains").text()).contains("*.example.net, example.org");
        assertRefusal(owner, invite("someone@elsewhere.com", "en"),
                "This address is not in the domains this account may invite: *.example.net, example.org.");
        assertThat(invitations(a)).isEqualTo(1);
    }

    @Test
    void aManagerIsOfferedOnlyWhatHeHoldsAndACraftedPostGrantingMoreIsRefused() {
        Visitor manager = in(a, m);
        Page form = manager.get("/users/invite");
        assertThat(form.html().selectFirst("#permission-invoices").hasAttr("disabled")).isFalse();
        assertThat(form.html().selectFirst("#permission-profile").hasAttr("disabled")).isTrue();
        assertThat(form.html().select("#permissions-not-held")).hasSize(1);
        assertThat(form.html().selectFirst("#permissions-not-held").text()).startsWith("You do not hold");
        assertThat(form.html().selectFirst("#permission-profile").attr("aria-describedby")).contains("permissions-not-held");
        assertThat(form.html().select("#mode-all, input[value^=preset:]")).isEmpty();
        String email = Registrations.uniqueEmail("crafted");

        Page refused = manager.post("/users/invite", invite(email, "en", "invoices", "profile"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#permissions-error").text())
                .isEqualTo("You can only grant permissions that you hold yourself.");
        assertThat(invitations(a)).isZero();
        assertThat(outbox(email)).isZero();

        Page all = manager.post("/users/invite", List.of(Map.entry("email", email), Map.entry("mode", "all"),
                Map.entry("language", "de")));
        Page administrator = manager.post("/users/invite", List.of(Map.entry("email", email),
                Map.entry("mode", "preset:Administrator"), Map.entry("language", "de")));
        assertThat(all.status()).isEqualTo(403);
        assertThat(administrator.status()).isEqualTo(403);
        assertThat(invitations(a)).isZero();
        assertThat(outbox(email)).isZero();

        Page held = manager.post("/users/invite", invite(email, "de", "invoices", "users"));
        assertThat(held.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT permissions FROM invitations WHERE account_id = ?").param(a).query(String.class)
                .single()).isEqualTo("invoices,users");
    }

    @Test
    void resendGivesANewLinkAndRestartsTheClock() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("re")), Set.of("invoices"),
                Language.EN);
        Instant anHourAgo = Instant.now().minus(Duration.ofMinutes(61));
        jdbc.sql("UPDATE invitations SET sent_at = ? WHERE id = ?").params(Timestamp.from(anHourAgo), id).update();
        String tokenBefore = column("token_hash", id);
        Visitor owner = in(a, o);
        assertThat(owner.get("/users").html().selectFirst("tr[data-invitation-id=" + id + "]").text())
                .contains("Invite Sent: 1 hour ago");

        Page resent = owner.post("/users/invitations/" + id + "/resend", Map.of());

        assertThat(resent.status()).isEqualTo(302);
        assertThat(column("token_hash", id)).isNotEqualTo(tokenBefore);
        assertThat(jdbc.sql("SELECT sent_at FROM invitations WHERE id = ?").param(id).query(Timestamp.class).single()
                .toInstant()).isAfter(anHourAgo.plusSeconds(60));
        assertThat(owner.open(resent.location()).text()).contains("the old one no longer works", "Invite Sent: just now");
        assertThat(audits("invitation.resent", a)).isEqualTo(1);
    }

    @Test
    void anExpiredInvitationShowsExpiredWithResendOnly() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("old")), Set.of(),
                Language.EN);
        jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?").params(Timestamp.from(Instant.now().minusSeconds(5)), id)
                .update();

        var row = in(a, o).get("/users").html().selectFirst("tr[data-invitation-id=" + id + "]");

        assertThat(row.text()).contains("Expired", "No permissions");
        assertThat(row.select("button, a").eachText()).containsExactly("Resend Invite");
    }

    @Test
    void cancelAsksFirstThenEndsTheInvitation() {
        String email = Registrations.uniqueEmail("gone");
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(email), Set.of(), Language.EN);
        Visitor owner = in(a, o);

        Page confirm = owner.get("/users/invitations/" + id + "/cancel");
        assertThat(confirm.text()).contains("Cancel the invitation to " + email + "? Its link stops working at once.");
        assertThat(column("status", id)).isEqualTo("PENDING");

        Page cancelled = owner.post("/users/invitations/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(column("status", id)).isEqualTo("CANCELLED");
        Page list = owner.open(cancelled.location());
        assertThat(list.text()).contains("The invitation to " + email + " was cancelled");
        assertThat(list.html().select("tr[data-invitation-id=" + id + "]")).isEmpty();

        Page twice = owner.post("/users/invitations/" + id + "/cancel", Map.of());
        assertThat(owner.open(twice.location()).text()).contains("This invitation is no longer pending.");
    }

    @Test
    void editChangesThePermissionsAndKeepsTheLink() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("ed")), Set.of("invoices"),
                Language.EN);
        String token = column("token_hash", id);
        Visitor owner = in(a, o);
        Page form = owner.get("/users/invitations/" + id + "/permissions");
        assertThat(form.html().selectFirst("#permission-invoices").hasAttr("checked")).isTrue();
        assertThat(form.html().selectFirst("#permission-quotes").hasAttr("checked")).isFalse();

        Page saved = owner.post("/users/invitations/" + id + "/permissions", choose("quotes", "tickets"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(column("permissions", id)).isEqualTo("quotes,tickets");
        assertThat(column("token_hash", id)).isEqualTo(token);
        assertThat(audits("invitation.edited", a)).isEqualTo(1);
    }

    @Test
    void anInvitationWithEveryPermissionShowsAllPermissionsInTheListAndOnItsEditPage() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("all")),
                catalogue.everything(), Language.EN);
        long some = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("some")),
                Set.of("invoices"), Language.EN);
        Visitor owner = in(a, o);

        Page list = owner.get("/users");
        assertThat(list.html().selectFirst("tr[data-invitation-id=" + id + "] td:nth-child(3)").text())
                .isEqualTo("All permissions");
        assertThat(list.html().selectFirst("tr[data-invitation-id=" + some + "] td:nth-child(3)").text())
                .isEqualTo("View & Pay Invoices");
        Page form = owner.get("/users/invitations/" + id + "/permissions");
        assertThat(form.html().selectFirst("#mode-all").hasAttr("checked")).isTrue();
        assertThat(form.html().select("input[name=permissions]:not([checked])")).isEmpty();

        Page refused = owner.post("/users/invite", List.of(Map.entry("email", "x"), Map.entry("mode", "all"),
                Map.entry("language", "en")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#mode-all").hasAttr("checked")).isTrue();
        assertThat(refused.html().select("input[name=permissions]:not([checked])")).isEmpty();
    }

    @Test
    void editingAnInvitationRefusesAllPermissionsToAManagerWhoLacksSome() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("cap")),
                Set.of("invoices"), Language.EN);
        Visitor manager = in(a, m);
        Page form = manager.get("/users/invitations/" + id + "/permissions");
        assertThat(form.html().select("#mode-all")).isEmpty();
        assertThat(form.html().select("#permissions-not-held")).hasSize(1);

        Page all = manager.post("/users/invitations/" + id + "/permissions",
                List.of(Map.entry("mode", "all"), Map.entry("version", "0")));

        assertThat(all.status()).isEqualTo(403);
        assertThat(column("permissions", id)).isEqualTo("invoices");
        assertThat(audits("invitation.edited", a)).isZero();
    }

    @Test
    void anotherAccountsInvitationIsNotFoundOnEveryRouteAndNothingIsSent() {
        String email = Registrations.uniqueEmail("theirs");
        long theirs = sendInvitation.send(new Actor.Member(bo.id(), b), b, EmailAddress.of(email), Set.of("invoices"), Language.EN);
        String token = column("token_hash", theirs);
        int mails = outbox(email);
        Visitor owner = in(a, o);
        owner.get("/users");

        assertThat(owner.get("/users/invitations/" + theirs + "/cancel").status()).isEqualTo(404);
        assertThat(owner.get("/users/invitations/" + theirs + "/permissions").status()).isEqualTo(404);
        assertThat(owner.post("/users/invitations/" + theirs + "/resend", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/users/invitations/" + theirs + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/users/invitations/" + theirs + "/permissions", choose("users")).status()).isEqualTo(404);
        assertThat(owner.get("/users/invitations/999999999/cancel").status()).isEqualTo(404);

        assertThat(column("status", theirs)).isEqualTo("PENDING");
        assertThat(column("token_hash", theirs)).isEqualTo(token);
        assertThat(column("permissions", theirs)).isEqualTo("invoices");
        assertThat(outbox(email)).isEqualTo(mails);
    }

    @Test
    void withoutTheCsrfTokenNothingHappens() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("csrf")), Set.of(),
                Language.EN);
        Visitor owner = in(a, o);
        String token = column("token_hash", id);

        assertThat(owner.postRaw("/users/invite", Map.of("email", "nocsrf@example.com", "mode", "all")).status())
                .isEqualTo(403);
        assertThat(owner.postRaw("/users/invitations/" + id + "/resend", Map.of()).status()).isEqualTo(403);
        assertThat(owner.postRaw("/users/invitations/" + id + "/cancel", Map.of()).status()).isEqualTo(403);

        assertThat(invitations(a)).isEqualTo(1);
        assertThat(column("token_hash", id)).isEqualTo(token);
        assertThat(column("status", id)).isEqualTo("PENDING");
    }

    @Test
    void aUserWithoutUsersGetsForbiddenOnEveryInviteRoute() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("no")), Set.of(),
                Language.EN);
        Visitor user = in(a, p);
        user.get("/");

        assertThat(user.get("/users/invite").status()).isEqualTo(403);
        assertThat(user.post("/users/invite", invite("x@example.com", "en")).status()).isEqualTo(403);
        assertThat(user.post("/users/invitations/" + id + "/resend", Map.of()).status()).isEqualTo(403);
        assertThat(user.get("/users/invitations/" + id + "/cancel").status()).isEqualTo(403);
        assertThat(user.post("/users/invitations/" + id + "/cancel", Map.of()).status()).isEqualTo(403);
        assertThat(user.get("/users/invitations/" + id + "/permissions").status()).isEqualTo(403);
        assertThat(user.post("/users/invitations/" + id + "/permissions", choose("invoices")).status()).isEqualTo(403);
        assertThat(invitations(a)).isEqualTo(1);
        assertThat(column("status", id)).isEqualTo("PENDING");
    }

    @Test
    void aManagerCannotResendCancelOrEditAnInvitationBeyondHisPermissions() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("big")),
                Set.of("profile"), Language.EN);
        Visitor manager = in(a, m);
        assertThat(manager.get("/users").html().selectFirst("tr[data-invitation-id=" + id + "]").select("button, a"))
                .isEmpty();
        String token = column("token_hash", id);

        Page resent = manager.post("/users/invitations/" + id + "/resend", Map.of());
        manager.post("/users/invitations/" + id + "/cancel", Map.of());

        assertThat(manager.open(resent.location()).text()).contains("You can only grant permissions that you hold yourself.");
        assertThat(column("token_hash", id)).isEqualTo(token);
        assertThat(column("status", id)).isEqualTo("PENDING");
    }

    @Test
    void pendingInvitesArePaginatedByTen() {
        for (int i = 0; i < 11; i++) {
            sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("many")), Set.of(), Language.EN);
        }
        Visitor owner = in(a, o);

        Page first = owner.get("/users");
        Page second = owner.get("/users?invitesPage=1");

        assertThat(first.html().select("#invites tbody tr")).hasSize(10);
        assertThat(second.html().select("#invites tbody tr")).hasSize(1);
        assertThat(second.html().select("#users tbody tr")).hasSize(3);
    }

    @Test
    void theOwnerRestrictsTheDomainsOthersCannotAndAnInvalidDomainIsNamed() {
        Visitor owner = in(a, o);
        Page page = owner.get("/account/domains");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("label[for=domains]").text()).isEqualTo("Allowed domains, one per line");
        assertThat(page.text()).contains("*.example.com means example.com and all of its subdomains.");

        Page saved = owner.post("/account/domains", Map.of("domains", "Example.ORG\n\n*.example.net\n"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(allowedDomains.of(a).rules()).extracting(r -> r.toString())
                .containsExactlyInAnyOrder("example.org", "*.example.net");
        assertThat(audits("account.allowed_domains_changed", a)).isEqualTo(1);
        assertThat(owner.open(saved.location()).field("domains").text()).contains("example.org", "*.example.net");

        Page invalid = owner.post("/account/domains", Map.of("domains", "example.org\nnot a domain!"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.html().selectFirst("#domains-error").text()).startsWith("“not a domain!” is not a valid domain.");
        assertThat(allowedDomains.of(a).rules()).hasSize(2);

        Visitor manager = in(a, m);
        assertThat(manager.get("/account/domains").status()).isEqualTo(403);
        assertThat(manager.post("/account/domains", Map.of("domains", "")).status()).isEqualTo(403);
        assertThat(allowedDomains.of(a).rules()).hasSize(2);
    }

    private Page assertRefusal(Visitor visitor, List<Map.Entry<String, String>> form, String message) {
        int before = invitations(a);
        Page page = visitor.post("/users/invite", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#email-error").text()).contains(message);
        assertThat(page.field("email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(invitations(a)).isEqualTo(before);
        return page;
    }

    private static List<Map.Entry<String, String>> invite(String email, String language, String... permissions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(choose(permissions));
        fields.add(Map.entry("_permissions", "on"));
        fields.add(Map.entry("email", email));
        fields.add(Map.entry("language", language));
        return fields;
    }

    /** As the form sends it for a membership or invitation nobody changed yet (version 0). */
    private static List<Map.Entry<String, String>> choose(String... permissions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("mode", "choose"));
        fields.add(Map.entry("version", "0"));
        for (String permission : permissions) {
            fields.add(Map.entry("permissions", permission));
        }
        return fields;
    }

    private Visitor in(long accountId, Person person) {
        return Visitor.inAccount(port, accountId, person);
    }

    private void join(long accountId, Person person, String permissions) {
        new Rows(jdbc).member(accountId, person.id(), permissions);
    }

    private String column(String name, long invitationId) {
        return jdbc.sql("SELECT " + name + " FROM invitations WHERE id = ?").param(invitationId).query(String.class)
                .single().strip();
    }

    private int invitations(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ?").param(accountId).query(Integer.class)
                .single();
    }

    private int outbox(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(email).query(Integer.class).single();
    }

    private int audits(String action, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND account_id = ?")
                .params(action, accountId).query(Integer.class).single();
    }
}
