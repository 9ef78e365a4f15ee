package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
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
 * Deleting a client account: its owner (only there), a user only there and a user with another account too.
 * The account's memberships, invitations, contacts and allowed domains go with it.
 */
@IntegrationTest
class AdminDeleteClientTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    Database database;
    Visitor staff;
    long staffId;
    Person owner;
    Person onlyHere;
    Person elsewhereToo;
    long account;
    String accountName;

    @BeforeEach
    void aClientWithThreeUsers() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staff = StaffLogin.as(port, email, PASSWORD);
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        accountName = "Doomed " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(accountName, account).update();
        onlyHere = registrations.registerVerified("Ina");
        jdbc.sql("DELETE FROM accounts WHERE owner_user_id = ?").param(onlyHere.id()).update();
        database.membership(account, onlyHere.id());
        elsewhereToo = registrations.registerVerified("Max");
        database.membership(account, elsewhereToo.id());
        jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, created_at) VALUES (?, 'C', 'D', ?, CURRENT_TIMESTAMP)")
                .params(account, Registrations.uniqueEmail("contact")).update();
        jdbc.sql("INSERT INTO account_allowed_domains (account_id, domain) VALUES (?, 'example.com')").param(account).update();
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, language, invited_by_user_id, token_hash, status, sent_at,
                                         expires_at, created_at)
                VALUES (?, ?, 'en', ?, ?, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(account, Registrations.uniqueEmail("invitee"), owner.id(),
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""))
                .update();
    }

    @Test
    void theConfirmationNamesTheAccountAndListsOnlyTheUsersWithNoOtherAccount() {
        Visitor.Page page = staff.get(deletePage());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#confirm-question").text())
                .isEqualTo("Delete the client " + accountName + " (ID " + account + ")?");
        assertThat(page.html().select("#lone-users li").eachText()).containsExactlyInAnyOrder(
                "Olga Tester (" + owner.email() + ")", "Ina Tester (" + onlyHere.email() + ")");
        assertThat(page.html().select("label[for=deleteUsers]").text()).isEqualTo("Also delete these users");
    }

    @Test
    void deletingTheAccountAloneKeepsEveryLogin() {
        staff.get(deletePage());

        Visitor.Page done = staff.post(deletePage(), Map.of());

        assertThat(done.location()).endsWith("/admin");
        assertThat(staff.get("/admin").html().selectFirst("#client-deleted").text())
                .isEqualTo(accountName + " was deleted.");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = ?", account)).isZero();
        for (String table : List.of("memberships", "contacts", "account_allowed_domains", "invitations")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?", account)).as(table).isZero();
        }
        for (Person person : List.of(owner, onlyHere, elsewhereToo)) {
            assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", person.id())).isOne();
        }
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor_type, actor_id, details FROM audit_events WHERE account_id = ? AND action = 'admin.client.deleted'""")
                .param(account).query().singleRow();
        assertThat(audit).containsEntry("actor_type", "STAFF");
        assertThat(((Number) audit.get("actor_id")).longValue()).isEqualTo(staffId);
        assertThat((String) audit.get("details")).contains("name=" + accountName, "users=3", "deleted_users=0");
    }

    @Test
    void deletingWithItsUsersRemovesOnlyThoseWithNoOtherAccount() {
        staff.get(deletePage());

        Visitor.Page done = staff.post(deletePage(), Map.of("deleteUsers", "true"));

        assertThat(staff.get(done.location()).html().selectFirst("#client-deleted").text())
                .isEqualTo(accountName + " was deleted, with 2 users.");
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", owner.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", onlyHere.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", elsewhereToo.id())).isOne();
        assertThat(count("SELECT COUNT(*) FROM memberships WHERE user_id = ?", elsewhereToo.id())).isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_events WHERE action = 'admin.user.deleted' AND actor_id = ? "
                + "AND user_id IN (" + owner.id() + ", " + onlyHere.id() + ")", staffId)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE account_id = ? AND action = 'admin.client.deleted'")
                .param(account).query(String.class).single()).contains("deleted_users=2");
    }

    @Test
    void anUnknownClientIsNotFoundAndAPostWithoutCsrfChangesNothing() {
        long unknown = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM accounts").query(Long.class).single();
        staff.get(deletePage());

        assertThat(staff.get("/admin/clients/" + unknown + "/delete").status()).isEqualTo(404);
        assertThat(staff.post("/admin/clients/" + unknown + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/abc/delete").status()).isEqualTo(404);
        assertThat(staff.postRaw(deletePage(), Map.of("deleteUsers", "true")).status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = ?", account)).isOne();
    }

    @Test
    void aClientAreaUserNeverReachesIt() {
        Visitor user = new Visitor(port);
        user.login(owner.email(), owner.password());

        assertThat(user.get(deletePage()).location()).endsWith("/admin/login");
        assertThat(user.post(deletePage(), Map.of("deleteUsers", "true")).status()).isIn(302, 403);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = ?", account)).isOne();
    }

    private String deletePage() {
        return "/admin/clients/" + account + "/delete";
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
