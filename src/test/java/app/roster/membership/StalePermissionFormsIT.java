package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.invitation.SendInvitation;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two managers on one user's (or one invitation's) permissions in the Client Area: the form opened before the
 * other's save is refused and changes nothing; a form that was not sent whole changes nothing either.
 * Account A: owner O, manager M (users, invoices, quotes, tickets), P (invoices).
 */
@IntegrationTest
class StalePermissionFormsIT {

    private static final String STALE = "This was changed by someone else since you opened this page — reload it to see the change.";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SendInvitation sendInvitation;

    Person o;
    Person m;
    Person p;
    long a;

    @BeforeEach
    void anAccountWithAManagerAndAUser() {
        o = registrations.registerVerified("Olga");
        m = registrations.registerVerified("Max");
        p = registrations.registerVerified("Pia");
        a = registrations.accountOf(o);
        join(m, "users,invoices,quotes,tickets");
        join(p, "invoices");
    }

    @Test
    void theOlderMembershipFormIsRefusedAndChangesNothingWhileAFreshOneSaves() {
        Visitor owner = in(o);
        Visitor manager = in(m);
        String path = "/users/" + p.id() + "/permissions";
        Page ownersForm = owner.get(path);
        Page managersForm = manager.get(path);

        assertThat(manager.post(path, choose(managersForm, "invoices", "quotes")).status()).isEqualTo(302);
        Page stale = owner.post(path, choose(ownersForm, "tickets"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains(STALE);
        assertThat(stale.html().selectFirst("a#reload").attr("href")).isEqualTo(path);
        assertThat(permissionsOf(p)).containsExactlyInAnyOrder("invoices", "quotes");
        assertThat(audits("membership.permissions_changed")).isEqualTo(1);

        Page reloaded = owner.get(path);
        assertThat(reloaded.html().selectFirst("#permission-quotes").hasAttr("checked")).isTrue();
        assertThat(owner.post(path, choose(reloaded, "tickets")).status()).isEqualTo(302);
        assertThat(permissionsOf(p)).containsExactly("tickets");
        assertThat(audits("membership.permissions_changed")).isEqualTo(2);
    }

    @Test
    void aStaleFormIsRefusedEvenWhenItWouldChangeNothing() {
        Visitor owner = in(o);
        String path = "/users/" + p.id() + "/permissions";
        Page old = owner.get(path);
        Page current = owner.get(path);
        owner.post(path, choose(current, "quotes"));

        Page stale = owner.post(path, choose(old, "quotes"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(permissionsOf(p)).containsExactly("quotes");
        assertThat(version(p)).isEqualTo(1);
    }

    @Test
    void aPostWithoutTheModeOrWithoutAnyBoxOrMarkerOrWithoutTheVersionIsRefused() {
        Visitor owner = in(o);
        String path = "/users/" + p.id() + "/permissions";
        String version = versionIn(owner.get(path));

        Page nothing = owner.post(path, List.of());
        Page noMode = owner.post(path, List.of(Map.entry("permissions", "quotes"), Map.entry("version", version)));
        Page noBoxes = owner.post(path, List.of(Map.entry("mode", "choose"), Map.entry("version", version)));
        Page unknownPreset = owner.post(path, List.of(Map.entry("mode", "preset:Nonexistent"),
                Map.entry("version", version)));
        Page noVersion = owner.post(path, List.of(Map.entry("mode", "choose"), Map.entry("permissions", "quotes")));
        Page badVersion = owner.post(path, List.of(Map.entry("mode", "all"), Map.entry("version", "yesterday")));

        for (Page refused : List.of(nothing, noMode, noBoxes, unknownPreset, noVersion, badVersion)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Exception", "at app.roster");
        }
        assertThat(nothing.text()).contains("nothing was changed");
        assertThat(permissionsOf(p)).containsExactly("invoices");
        assertThat(version(p)).isZero();
        assertThat(audits("membership.permissions_changed")).isZero();
    }

    @Test
    void choosePermissionsWithEveryBoxUntickedDeliberatelyRemovesThemAll() {
        Visitor owner = in(o);
        String path = "/users/" + p.id() + "/permissions";
        Page form = owner.get(path);
        assertThat(form.html().select("input[type=hidden][name=_permissions]")).hasSize(1);

        List<Map.Entry<String, String>> noneTicked = new ArrayList<>(choose(form));
        noneTicked.add(Map.entry("_permissions", "on"));
        Page saved = owner.post(path, noneTicked);

        assertThat(saved.status()).isEqualTo(302);
        assertThat(permissionsOf(p)).isEmpty();
    }

    @Test
    void theOlderInvitationFormIsRefusedAndChangesNothingWhileAFreshOneSaves() {
        long id = sendInvitation.send(new Actor.Member(o.id(), a), a, EmailAddress.of(Registrations.uniqueEmail("inv")),
                Set.of("invoices"), Language.EN);
        Visitor owner = in(o);
        Visitor manager = in(m);
        String path = "/users/invitations/" + id + "/permissions";
        Page ownersForm = owner.get(path);
        Page managersForm = manager.get(path);

        assertThat(manager.post(path, choose(managersForm, "quotes")).status()).isEqualTo(302);
        Page stale = owner.post(path, choose(ownersForm, "tickets"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains(STALE);
        assertThat(invitationPermissions(id)).isEqualTo("quotes");
        assertThat(invitationAudits("invitation.edited")).isEqualTo(1);

        Page fresh = owner.get(path);
        assertThat(owner.post(path, choose(fresh, "tickets")).status()).isEqualTo(302);
        assertThat(invitationPermissions(id)).isEqualTo("tickets");

        Page incomplete = owner.post(path, List.of(Map.entry("version", versionIn(fresh))));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(invitationPermissions(id)).isEqualTo("tickets");
    }

    /** Choose Permissions with these boxes, at the version the given form showed. */
    private static List<Map.Entry<String, String>> choose(Page form, String... permissions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("mode", "choose"));
        fields.add(Map.entry("version", versionIn(form)));
        Arrays.stream(permissions).forEach(permission -> fields.add(Map.entry("permissions", permission)));
        return fields;
    }

    private Visitor in(Person person) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/accounts");
        assertThat(visitor.post("/accounts/" + a + "/select", Map.of()).status()).isEqualTo(302);
        return visitor;
    }

    private void join(Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(a, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    private Set<String> permissionsOf(Person person) {
        String stored = jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(a, person.id()).query(String.class).single();
        return stored.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(stored.split(",")));
    }

    private long version(Person person) {
        return jdbc.sql("SELECT version FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(a, person.id()).query(Long.class).single();
    }

    private String invitationPermissions(long id) {
        return jdbc.sql("SELECT permissions FROM invitations WHERE id = ?").param(id).query(String.class).single();
    }

    private int audits(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND account_id = ? AND user_id = ?")
                .params(action, a, p.id()).query(Integer.class).single();
    }

    private int invitationAudits(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND account_id = ?")
                .params(action, a).query(Integer.class).single();
    }

    /** The version the form showed; a form without one (as before versions existed) sends none. */
    private static String versionIn(Visitor.Page form) {
        var field = form.field("version");
        return field == null ? "" : field.attr("value");
    }
}
