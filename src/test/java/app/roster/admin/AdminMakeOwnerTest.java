package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.PermissionCatalogue;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff "Make Owner" on a client's page, over HTTP as a logged-in staff member. */
@IntegrationTest
class AdminMakeOwnerTest {

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
    PermissionCatalogue catalogue;

    Database database;
    Visitor staff;
    long staffId;
    Person owner;
    Person member;
    long account;
    String accountName;

    @BeforeEach
    void loggedInStaffAndAnAccountWithTwoUsers() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/admin");

        owner = registrations.registerVerified("Olga");
        member = registrations.registerVerified("Max");
        account = registrations.accountOf(owner);
        accountName = jdbc.sql("SELECT name FROM accounts WHERE id = ?").param(account).query(String.class).single();
        database.membership(account, member.id());
    }

    @Test
    void staffMakeAUserTheOwnerAndTheFormerOwnerKeepsEveryPermission() {
        Visitor.Page client = staff.get(usersTab());
        assertThat(client.html().select("a[href=" + makeOwner(member.id()) + "]")).hasSize(1);
        assertThat(client.html().select("a[href=" + makeOwner(owner.id()) + "]")).isEmpty();

        Visitor.Page confirmation = staff.get(makeOwner(member.id()));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.text()).contains("Make Max Tester the owner of " + accountName + "?",
                "The current owner Olga Tester keeps access with all permissions.");

        Visitor.Page done = staff.post(makeOwner(member.id()), Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith(usersTab());

        Visitor.Page after = staff.get(usersTab());
        assertThat(after.text()).contains("Max Tester is now the owner of " + accountName + ".");
        assertThat(ownerBadgeRows(after)).containsExactly("Max Tester");
        assertThat(ownerOf(account)).isEqualTo(member.id());
        assertThat(storedPermissions(owner.id())).isEqualTo(catalogue.everything());
    }

    @Test
    void theTransferIsAuditedWithTheStaffMemberAsActor() {
        staff.get(makeOwner(member.id()));
        staff.post(makeOwner(member.id()), Map.of());

        Map<String, Object> row = jdbc.sql("""
                SELECT actor_type, actor_id, user_id, details FROM audit_events
                WHERE action = 'membership.ownership_transferred' AND account_id = ?""")
                .param(account).query().singleRow();
        assertThat(row.get("actor_type")).isEqualTo("STAFF");
        assertThat(((Number) row.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat(((Number) row.get("user_id")).longValue()).isEqualTo(member.id());
        assertThat((String) row.get("details")).contains("by=staff");
    }

    @Test
    void theNewOwnerIsToldByEmail() {
        staff.get(makeOwner(member.id()));
        staff.post(makeOwner(member.id()), Map.of());

        var message = Mailbox.shared().awaitSubject(member.email(), "You are now the owner of " + accountName);

        assertThat(Mailbox.text(message)).contains("Our staff made you the owner");
    }

    @Test
    void aUserWhoIsNotAMemberOfThatClientIsNotFound() {
        Person outsider = registrations.registerVerified("Otto");
        staff.get(clientPage());

        assertThat(staff.get(makeOwner(outsider.id())).status()).isEqualTo(404);
        assertThat(staff.post(makeOwner(outsider.id()), Map.of()).status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/" + account + "/users/abc/make-owner").status()).isEqualTo(404);
        assertThat(ownerOf(account)).isEqualTo(owner.id());
        assertThat(ownerOf(registrations.accountOf(outsider))).isEqualTo(outsider.id());
    }

    @Test
    void anUnknownClientIsNotFound() {
        long unknown = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM accounts").query(Long.class).single();
        staff.get(clientPage());

        assertThat(staff.get("/admin/clients/" + unknown + "/users/" + member.id() + "/make-owner").status())
                .isEqualTo(404);
        assertThat(staff.post("/admin/clients/" + unknown + "/users/" + member.id() + "/make-owner", Map.of())
                .status()).isEqualTo(404);
    }

    @Test
    void aPostWithoutCsrfTokenIsForbiddenAndChangesNothing() {
        staff.get(makeOwner(member.id()));

        Visitor.Page page = staff.postRaw(makeOwner(member.id()), Map.of());

        assertThat(page.status()).isEqualTo(403);
        assertThat(ownerOf(account)).isEqualTo(owner.id());
    }

    @Test
    void aClientAreaUserGetsTheStaffLoginPage() {
        Visitor user = new Visitor(port);
        user.login(owner.email(), owner.password());

        Visitor.Page page = user.get(makeOwner(member.id()));
        Visitor.Page post = user.post(makeOwner(member.id()), Map.of());

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/admin/login");
        assertThat(user.open(makeOwner(member.id())).html().select("form[action=/admin/login]")).hasSize(1);
        assertThat(post.status()).isIn(302, 403);
        assertThat(String.valueOf(post.location())).doesNotContain("/admin/clients");
        assertThat(ownerOf(account)).isEqualTo(owner.id());
    }

    private String usersTab() {
        return clientPage() + "/users";
    }

    private String clientPage() {
        return "/admin/clients/" + account;
    }

    private String makeOwner(long userId) {
        return "/admin/clients/" + account + "/users/" + userId + "/make-owner";
    }

    private long ownerOf(long accountId) {
        return jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(accountId).query(Long.class).single();
    }

    private Set<String> storedPermissions(long userId) {
        String stored = jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, userId).query(String.class).single();
        return Arrays.stream(stored.split(",")).collect(Collectors.toSet());
    }

    /** The names in the users table that carry the Owner badge. */
    private static java.util.List<String> ownerBadgeRows(Visitor.Page page) {
        return page.html().select("table tbody tr").stream()
                .filter(row -> !row.select(".badge").isEmpty())
                .map(row -> row.selectFirst("td span").text())
                .toList();
    }
}
