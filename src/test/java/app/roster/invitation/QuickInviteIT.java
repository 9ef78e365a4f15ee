package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Invite New User" on the User Management page itself: the short form posts to the invite use case like the long
 * page, is offered only what the manager may grant, and a refusal comes back on the long form next to its field.
 * Account A: owner O, manager M (users, invoices), P (invoices).
 */
@IntegrationTest
class QuickInviteIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermissionCatalogue catalogue;

    Person o;
    Person m;
    Person p;
    long a;

    @BeforeEach
    void anAccount() {
        o = registrations.registerVerified("Olga");
        m = registrations.registerVerified("Max");
        p = registrations.registerVerified("Pia");
        a = registrations.accountOf(o);
        join(a, m, "users,invoices");
        join(a, p, "invoices");
    }

    @Test
    void theOwnerInvitesWithAllPermissionsFromTheUsersPage() {
        Visitor owner = in(a, o);
        Page users = owner.get("/users");
        Element form = users.html().selectFirst("form#quick-invite-form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/users/invite");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        for (String id : List.of("invite-email", "mode-all", "mode-choose", "permission-invoices")) {
            assertThat(form.select("label[for=" + id + "]")).as(id).hasSize(1);
        }
        assertThat(form.selectFirst("#invite-email").attr("type")).isEqualTo("email");
        assertThat(form.selectFirst("input[name=language]").val()).isEqualTo("en");
        assertThat(users.html().selectFirst("#quick-invite a[href=/users/invite]")).isNotNull();
        String email = Registrations.uniqueEmail("quick");

        Page sent = owner.post("/users/invite", fields(form, email, "all"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/users");
        Map<String, Object> row = jdbc.sql("SELECT * FROM invitations WHERE account_id = ? AND email = ?")
                .params(a, email).query().singleRow();
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("invited_by_user_id")).isEqualTo(o.id());
        assertThat(List.of(((String) row.get("permissions")).split(","))).containsExactlyInAnyOrderElementsOf(catalogue.everything());
        Page list = owner.open(sent.location());
        assertThat(list.text()).contains("An invitation was sent to " + email + ".");
        assertThat(list.html().selectFirst("#invites tr[data-invitation-id=" + row.get("id") + "]").text())
                .contains(email, "All permissions");
    }

    @Test
    void chooseWithTheTickedBoxesGrantsThoseAndARefusalShowsOnTheLongForm() {
        Visitor owner = in(a, o);
        Element form = owner.get("/users").html().selectFirst("form#quick-invite-form");
        String email = Registrations.uniqueEmail("chosen");
        List<Map.Entry<String, String>> chosen = fields(form, email, "choose");
        chosen.add(Map.entry("permissions", "invoices"));
        chosen.add(Map.entry("permissions", "quotes"));

        assertThat(owner.post("/users/invite", chosen).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT permissions FROM invitations WHERE account_id = ? AND email = ?").params(a, email)
                .query(String.class).single()).isEqualTo("invoices,quotes");

        form = owner.get("/users").html().selectFirst("form#quick-invite-form");
        Page again = owner.post("/users/invite", fields(form, p.email(), "choose"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.html().selectFirst("#email-error").text()).contains("This person is already a user of this account.");
        assertThat(again.html().selectFirst("#email").val()).isEqualTo(p.email());
        assertThat(invitations(a)).isEqualTo(1);
    }

    @Test
    void aManagerIsOfferedOnlyWhatHeHoldsAndAUserWithoutUsersSeesNoForm() {
        Visitor manager = in(a, m);
        Element form = manager.get("/users").html().selectFirst("form#quick-invite-form");
        assertThat(form.select("#mode-all, input[value^=preset:]")).isEmpty();
        assertThat(form.selectFirst("#permission-invoices").hasAttr("disabled")).isFalse();
        assertThat(form.selectFirst("#permission-profile").hasAttr("disabled")).isTrue();
        List<Map.Entry<String, String>> crafted = fields(form, Registrations.uniqueEmail("crafted"), "all");
        assertThat(manager.post("/users/invite", crafted).status()).isEqualTo(403);

        Visitor user = in(a, p);
        assertThat(user.get("/users").status()).isEqualTo(403);
        assertThat(user.post("/users/invite", fields(form, Registrations.uniqueEmail("nope"), "all")).status())
                .isEqualTo(403);
        assertThat(invitations(a)).isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsSent() {
        Visitor owner = in(a, o);
        Element form = owner.get("/users").html().selectFirst("form#quick-invite-form");
        List<Map.Entry<String, String>> fields = fields(form, Registrations.uniqueEmail("nocsrf"), "all");
        fields.removeIf(e -> e.getKey().equals("_csrf"));
        assertThat(owner.postRaw("/users/invite", fields).status()).isEqualTo(403);
        assertThat(invitations(a)).isZero();
    }

    /** What the browser sends from the form: its hidden fields and the ticked boxes it shows, the address, the mode. */
    private static List<Map.Entry<String, String>> fields(Element form, String email, String mode) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (type.equals("hidden")) {
                fields.add(Map.entry(input.attr("name"), input.val()));
            }
        }
        fields.add(Map.entry("email", email));
        fields.add(Map.entry("mode", mode));
        return fields;
    }

    private Visitor in(long accountId, Person person) {
        return Visitor.inAccount(port, accountId, person);
    }

    private void join(long accountId, Person person, String permissions) {
        new Rows(jdbc).member(accountId, person.id(), permissions);
    }

    private int invitations(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ?").param(accountId).query(Integer.class)
                .single();
    }
}
