package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.shared.OneTimeToken;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff "Associate User", Manage Permissions, Remove, Pending Invites and allowed domains, over HTTP. */
@IntegrationTest
class AdminAssociateTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Value("${roster.base-url}")
    String baseUrl;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;
    @Autowired
    PermissionCatalogue catalogue;

    private final Mailbox mailbox = Mailbox.shared();

    Visitor staff;
    long staffId;
    String staffName;
    Person owner;
    Person other;
    long account;
    String accountName;

    @BeforeEach
    void loggedInStaffAnAccountAndAnotherUser() {
        Database database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staffName = "Staff " + email;
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/admin");
        owner = registrations.registerVerified("Olga");
        other = registrations.registerVerified("Max");
        account = registrations.accountOf(owner);
        accountName = "Nordwind " + account;
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(accountName, account).update();
    }

    @Test
    void anExistingUserFoundByEmailWithoutInviteIsAMemberAtOnceWithTheChosenPermissions() {
        Visitor.Page search = staff.get(associate() + "?q=" + other.email().substring(0, 12));
        assertThat(search.html().select("#search-results a").eachAttr("href")).as(search.text())
                .containsExactly(associate() + "?userId=" + other.id());
        assertThat(staff.get(associate()).html().selectFirst("#user-search").attr("hx-get"))
                .as("the search box asks as you type").isEqualTo(associate());
        Visitor.Page typeAhead = staff.htmxGet(associate() + "?q=" + other.email().substring(0, 12));
        assertThat(typeAhead.html().select("#search-results a").eachAttr("href"))
                .containsExactly(associate() + "?userId=" + other.id());
        Visitor.Page chosen = staff.get(associate() + "?userId=" + other.id());
        assertThat(chosen.text()).contains("Selected user", other.email());
        assertThat(chosen.html().select("label[for]")).isNotEmpty();

        Visitor.Page done = staff.post(associate(), fields("userId", String.valueOf(other.id()), "scope", "choose",
                "permissions", "tickets", "permissions", "invoices", "sendInvite", "no"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith(usersTab());
        assertThat(storedPermissions(other.id())).isEqualTo("invoices,tickets");
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id, details FROM audit_events
                WHERE action = 'membership.added' AND account_id = ? AND user_id = ?""")
                .params(account, other.id()).query().singleRow();
        assertThat(audit.get("actor_type")).isEqualTo("STAFF");
        assertThat(((Number) audit.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat((String) audit.get("details")).contains("how=staff");
        Visitor.Page page = staff.get(usersTab());
        assertThat(page.text()).contains(other.email() + " is now a user of this account.");
        assertThat(page.html().select("#user-" + other.id()).text()).contains("2 permissions");
    }

    @Test
    void anExistingUserWithInviteGetsAnInvitationWithAWorkingLookingLinkAndIsPendingMeanwhile() throws Exception {
        staff.get(associate() + "?userId=" + other.id());

        Visitor.Page done = staff.post(associate(), fields("userId", String.valueOf(other.id()), "scope", "all",
                "sendInvite", "yes"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(isMember(other.id())).isFalse();
        MimeMessage message = mailbox.awaitSubject(other.email(), "You have been invited to " + accountName);
        assertThat(decoded(message)).contains(staffName + " has given you access to the " + accountName);
        String link = Mailbox.link(message, "/invitations/accept");
        assertThat(link).startsWith(baseUrl + "/invitations/accept?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        Map<String, Object> invitation = jdbc.sql("""
                SELECT status, invited_by_staff_id, token_hash FROM invitations WHERE account_id = ? AND email = ?""")
                .params(account, other.email()).query().singleRow();
        assertThat(invitation.get("status")).isEqualTo("PENDING");
        assertThat(((Number) invitation.get("invited_by_staff_id")).longValue()).isEqualTo(staffId);
        assertThat(invitation.get("token_hash")).isEqualTo(OneTimeToken.hashOf(token));
        assertThat(staff.get(usersTab()).html().select("#invites-table").text()).contains(other.email());

        // the invitee accepts; the staff member who sent it is told who, with the client's Users tab
        Visitor invitee = new Visitor(port);
        invitee.login(other.email(), other.password());
        invitee.open(link);
        invitee.get("/invitations/accept");
        assertThat(invitee.post("/invitations/accept", Map.of()).status()).isEqualTo(302);
        assertThat(isMember(other.id())).isTrue();
        String staffEmail = staffName.substring("Staff ".length());
        MimeMessage notice = mailbox.awaitSubject(staffEmail, "accepted your invitation to " + accountName);
        assertThat(decoded(notice)).contains(other.email()).contains(baseUrl + "/admin/clients/" + account + "/users");
    }

    @Test
    void aNewUserWithoutInviteIsCreatedAMemberAndSetsTheirOwnPasswordFromTheEmail() {
        String email = Registrations.uniqueEmail("nina");
        staff.get(associate());

        Visitor.Page done = staff.post(associate(), fields("email", " " + email.toUpperCase() + " ",
                "firstName", "Nina", "lastName", "Neu", "language", "en", "scope", "all", "sendInvite", "no"));

        assertThat(done.status()).isEqualTo(302);
        long userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
        assertThat(isMember(userId)).isTrue();
        assertThat(storedPermissions(userId).split(",")).containsExactlyInAnyOrderElementsOf(catalogue.everything());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE owner_user_id = ?").param(userId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'user.created_by_staff' AND user_id = ?")
                .param(userId).query(String.class).single()).isEqualTo("STAFF");

        MimeMessage message = mailbox.awaitSubject(email, "Set the password of your Roster login");
        String link = Mailbox.link(message, "/password/reset");
        Visitor nina = new Visitor(port);
        Visitor.Page form = nina.open(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("input[name=password]")).hasSize(1);
        String password = "quiet lantern orchard 93";
        Visitor.Page set = nina.post("/password/reset", Map.of("password", password, "confirmation", password));
        assertThat(set.location()).contains("/login");

        Visitor.Page afterLogin = new Visitor(port).login(email, password);
        assertThat(afterLogin.status()).isEqualTo(200);
        assertThat(afterLogin.text()).contains(accountName).doesNotContain("Wrong email address or password");
    }

    @Test
    void managePermissionsOffersThePresetsAndAnUnknownOneChangesNothing() {
        new Database(jdbc, encoder).membership(account, other.id());
        String before = storedPermissions(other.id());

        Visitor.Page form = staff.get(user(other.id()) + "/permissions");
        assertThat(form.html().select("input[name=scope][value^=preset:]")).hasSize(catalogue.presets().size());
        assertThat(form.html().selectFirst("#scope-choose").hasAttr("checked")).isTrue();
        assertThat(form.html().select("input[name=scope][value^=preset:][checked]")).isEmpty();
        String version = form.field("version").attr("value");
        Visitor.Page unknown = staff.post(user(other.id()) + "/permissions", fields("scope", "preset:Nobody",
                "version", version));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(storedPermissions(other.id())).isEqualTo(before);

        Visitor.Page saved = staff.post(user(other.id()) + "/permissions", fields("scope", "preset:Billing Manager",
                "version", version));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(storedPermissions(other.id())).isEqualTo("profile,invoices,quotes,orders");
    }

    @Test
    void staffChangePermissionsOfAUserAndRemoveThemButNeverTheOwner() {
        new Database(jdbc, encoder).membership(account, other.id());

        Visitor.Page form = staff.get(user(other.id()) + "/permissions");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("input[type=checkbox][name=permissions]")).hasSize(catalogue.all().size());
        Visitor.Page saved = staff.post(user(other.id()) + "/permissions", fields("scope", "choose",
                "permissions", "domains", "permissions", "users", "version", form.field("version").attr("value")));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(storedPermissions(other.id())).isEqualTo("domains,users");
        assertThat(jdbc.sql("""
                SELECT actor_type FROM audit_events WHERE action = 'membership.permissions_changed' AND user_id = ?""")
                .param(other.id()).query(String.class).single()).isEqualTo("STAFF");

        Visitor.Page confirm = staff.get(user(other.id()) + "/remove");
        assertThat(confirm.text()).contains("Remove Max Tester (" + other.email() + ") from " + accountName + "?");
        assertThat(isMember(other.id())).isTrue();
        staff.post(user(other.id()) + "/remove", Map.of());
        assertThat(isMember(other.id())).isFalse();
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'membership.removed' AND user_id = ?")
                .param(other.id()).query(String.class).single()).isEqualTo("STAFF");

        assertThat(staff.get(user(owner.id()) + "/remove").location()).endsWith(usersTab());
        staff.get(usersTab());
        staff.post(user(owner.id()) + "/remove", Map.of());
        staff.post(user(owner.id()) + "/permissions", fields("scope", "choose"));
        assertThat(isMember(owner.id())).isTrue();
        assertThat(staff.get(usersTab()).html().select("a[href=" + user(owner.id()) + "/remove]")).isEmpty();
    }

    @Test
    void staffResendAndCancelAPendingInvite() {
        String invitee = Registrations.uniqueEmail("ines");
        staff.get(associate());
        staff.post(associate(), fields("email", invitee, "language", "fr", "scope", "all", "sendInvite", "yes"));
        MimeMessage first = mailbox.awaitSubject(invitee, "Vous avez été invité à rejoindre " + accountName);
        String firstToken = token(first);
        long invitationId = jdbc.sql("SELECT id FROM invitations WHERE account_id = ? AND email = ?")
                .params(account, invitee).query(Long.class).single();

        staff.get(usersTab());
        assertThat(staff.post(invite(invitationId) + "/resend", Map.of()).status()).isEqualTo(302);
        mailbox.awaitMessage(invitee, 2);
        String secondToken = token(mailbox.messagesTo(invitee).get(1));
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(tokenHash(invitationId)).isEqualTo(OneTimeToken.hashOf(secondToken));

        Visitor.Page confirm = staff.get(invite(invitationId) + "/cancel");
        assertThat(confirm.text()).contains("Cancel the invitation of " + invitee + " to " + accountName + "?");
        assertThat(status(invitationId)).isEqualTo("PENDING");
        staff.post(invite(invitationId) + "/cancel", Map.of());
        assertThat(status(invitationId)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'invitation.cancelled' AND account_id = ?")
                .param(account).query(String.class).single()).isEqualTo("STAFF");
        assertThat(staff.get(usersTab()).html().select("#invite-" + invitationId)).isEmpty();
    }

    @Test
    void mistakesAreShownNextToTheFieldAndChangeNothing() {
        staff.get(associate());
        Visitor.Page invalid = staff.post(associate(), fields("email", "not-an-address", "firstName", "A",
                "lastName", "B", "scope", "all", "sendInvite", "no"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.html().select("#email-problem").text()).isEqualTo("Enter a valid email address.");

        Visitor.Page member = staff.post(associate(), fields("userId", String.valueOf(owner.id()), "scope", "all",
                "sendInvite", "no"));
        assertThat(member.html().select("#userId-problem").text()).isEqualTo("This user is already a user of this account.");

        String invitee = Registrations.uniqueEmail("ida");
        staff.post(associate(), fields("email", invitee, "scope", "all", "sendInvite", "yes"));
        staff.get(associate());
        Visitor.Page again = staff.post(associate(), fields("email", invitee, "scope", "all", "sendInvite", "yes"));
        assertThat(again.html().select("#email-problem").text()).contains("already has a pending invitation");
        Visitor.Page againWithoutInvite = staff.post(associate(), fields("email", invitee, "firstName", "Ida",
                "lastName", "Tester", "scope", "all", "sendInvite", "no"));
        assertThat(againWithoutInvite.html().select("#email-problem").text()).contains("already has a pending invitation");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(invitee).query(Integer.class).single())
                .isZero();

        staff.get(clientPage());
        staff.post("/admin/clients/" + account + "/domains", Map.of("domains", "*.nordwind.example\nbad domain!"));
        Visitor.Page refused = staff.get(clientPage());
        assertThat(refused.html().select("#allowed-domains-problem").text()).contains("not a valid domain");
        staff.post("/admin/clients/" + account + "/domains", Map.of("domains", "*.nordwind.example"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'account.allowed_domains_changed' "
                + "AND account_id = ? AND actor_type = 'STAFF'").param(account).query(Integer.class).single()).isOne();
        staff.get(associate());
        Visitor.Page outside = staff.post(associate(), fields("userId", String.valueOf(other.id()), "scope", "all",
                "sendInvite", "no"));
        assertThat(outside.html().select("#userId-problem").text())
                .isEqualTo("This account only allows addresses of these domains: *.nordwind.example.");
        assertThat(isMember(other.id())).isFalse();
    }

    @Test
    void idsOutsideTheClientAreNotFound() {
        Person outsider = registrations.registerVerified("Otto");
        long otherAccount = registrations.accountOf(outsider);
        long unknown = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM accounts").query(Long.class).single();
        staff.get(associate());
        staff.post("/admin/clients/" + otherAccount + "/associate", fields("email", Registrations.uniqueEmail("x"),
                "scope", "all", "sendInvite", "yes"));
        long foreignInvitation = jdbc.sql("SELECT id FROM invitations WHERE account_id = ?").param(otherAccount)
                .query(Long.class).single();
        staff.get(clientPage());

        assertThat(staff.get(user(outsider.id()) + "/permissions").status()).isEqualTo(404);
        assertThat(staff.post(user(outsider.id()) + "/permissions", fields("scope", "all")).status()).isEqualTo(404);
        assertThat(staff.get(user(outsider.id()) + "/remove").status()).isEqualTo(404);
        assertThat(staff.post(user(outsider.id()) + "/remove", Map.of()).status()).isEqualTo(404);
        assertThat(staff.post(invite(foreignInvitation) + "/resend", Map.of()).status()).isEqualTo(404);
        assertThat(staff.get(invite(foreignInvitation) + "/cancel").status()).isEqualTo(404);
        assertThat(staff.post(invite(foreignInvitation) + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/" + unknown + "/associate").status()).isEqualTo(404);
        assertThat(staff.post("/admin/clients/" + unknown + "/domains", Map.of("domains", "x.example")).status())
                .isEqualTo(404);
        assertThat(status(foreignInvitation)).isEqualTo("PENDING");
        assertThat(isMemberOf(otherAccount, outsider.id())).isTrue();
    }

    @Test
    void aPostWithoutCsrfTokenIsForbiddenAndAClientAreaUserReachesNothing() {
        staff.get(associate());
        Visitor.Page noToken = staff.postRaw(associate(), Map.of("userId", String.valueOf(other.id()),
                "scope", "all", "sendInvite", "no"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(isMember(other.id())).isFalse();

        Visitor user = new Visitor(port);
        user.login(owner.email(), owner.password());
        for (String path : List.of(associate(), associate() + "?q=max", user(other.id()) + "/permissions")) {
            Visitor.Page page = user.get(path);
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).endsWith("/admin/login");
        }
        Visitor.Page post = user.post(associate(), fields("userId", String.valueOf(other.id()), "scope", "all",
                "sendInvite", "no"));
        assertThat(post.status()).isIn(302, 403);
        assertThat(String.valueOf(post.location())).doesNotContain("/admin/clients");
        assertThat(isMember(other.id())).isFalse();
    }

    private String usersTab() {
        return clientPage() + "/users";
    }

    private String clientPage() {
        return "/admin/clients/" + account;
    }

    @Test
    void aPresetIsOfferedAndGrantsItsPermissionsWhileAnUnknownPresetIsAFieldError() {
        Visitor.Page form = staff.get(associate() + "?userId=" + other.id());
        var preset = form.html().selectFirst("input[name=scope][value='preset:Billing Manager']");
        assertThat(preset).isNotNull();
        assertThat(preset.attr("data-picker-preset").split(" "))
                .containsExactlyInAnyOrder("profile", "invoices", "quotes", "orders");
        assertThat(form.html().selectFirst("label[for=" + preset.id() + "]").text()).isEqualTo("Preset: Billing Manager");
        assertThat(form.html().select("input[name=scope][value^=preset:]")).hasSize(catalogue.presets().size());

        Visitor.Page unknown = staff.post(associate(), fields("userId", String.valueOf(other.id()),
                "scope", "preset:Nobody", "sendInvite", "no"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.html().select("#permissions-problem").text()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, other.id()).query(Integer.class).single()).isZero();

        Visitor.Page done = staff.post(associate(), fields("userId", String.valueOf(other.id()),
                "scope", "preset:Billing Manager", "permissions", "users", "sendInvite", "no"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(storedPermissions(other.id())).isEqualTo("profile,invoices,quotes,orders");
    }

    private String associate() {
        return clientPage() + "/associate";
    }

    private String user(long userId) {
        return clientPage() + "/users/" + userId;
    }

    private String invite(long invitationId) {
        return clientPage() + "/invites/" + invitationId;
    }

    private static List<Map.Entry<String, String>> fields(String... pairs) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return fields;
    }

    private boolean isMember(long userId) {
        return isMemberOf(account, userId);
    }

    private boolean isMemberOf(long accountId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, userId).query(Integer.class).single() > 0;
    }

    private String storedPermissions(long userId) {
        return jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, userId).query(String.class).single();
    }

    private String status(long invitationId) {
        return jdbc.sql("SELECT status FROM invitations WHERE id = ?").param(invitationId).query(String.class).single();
    }

    private String tokenHash(long invitationId) {
        return jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?").param(invitationId)
                .query(String.class).single();
    }

    /** The body without quoted-printable soft line breaks. */
    private static String decoded(MimeMessage message) {
        return Mailbox.text(message).replace("=\r\n", "").replace("=\n", "");
    }

    private static String token(MimeMessage message) {
        String link = Mailbox.link(message, "/invitations/accept");
        return link.substring(link.indexOf("token=") + 6);
    }
}
