package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users directory and a user's page, over HTTP as a logged-in Administrator. */
@IntegrationTest
class AdminUsersTest {

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

    @BeforeEach
    void loggedInAdministrator() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        staffId = database.staff(email, PASSWORD);
        staff = StaffLogin.as(port, email, PASSWORD);
    }

    @Test
    void theDirectorySearchesByFirstNameLastNameAndEmailPrefixAndCountsAccounts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long ines = database.user("ines-" + tag + "@example.com", null, "Ines" + tag, "Quast");
        long bob = database.user("bob-" + tag + "@example.com", null, "Bob", "Vogel" + tag);
        Person olga = registrations.registerVerified("Olga");
        database.membership(registrations.accountOf(registrations.registerVerified("Max")), olga.id());

        assertThat(rowIds(staff.get("/admin/users?q=INES" + tag))).containsExactly(ines);
        assertThat(rowIds(staff.get("/admin/users?q=vogel" + tag))).containsExactly(bob);
        assertThat(rowIds(staff.get("/admin/users?q=bob-" + tag))).containsExactly(bob);
        Visitor.Page found = staff.get("/admin/users?q=" + olga.email());
        Element row = found.html().selectFirst("#user-" + olga.id());
        assertThat(row.select("td").eachText()).containsExactly("Olga Tester", olga.email(), "Yes", "Off", "Never", "2");
        assertThat(staff.get("/admin/users?q=ines-" + tag).html().selectFirst("#user-" + ines).select("td").get(5).text())
                .isEqualTo("0");
    }

    @Test
    void theDirectoryShowsLastLoginDetailsAndTheDisabledBadge() {
        Person olga = registrations.registerVerified("Olga");
        jdbc.sql("UPDATE users SET last_login_at = CURRENT_TIMESTAMP, last_login_ip = '203.0.113.9', "
                + "last_login_host = 'h.example.net', disabled = TRUE WHERE id = ?").param(olga.id()).update();

        Element row = staff.get("/admin/users?q=" + olga.email()).html().selectFirst("#user-" + olga.id());

        assertThat(row.text()).contains("Disabled", "IP address: 203.0.113.9", "Hostname: h.example.net", "just now");
        assertThat(row.selectFirst("time").attr("title")).endsWith(" UTC");
        assertThat(row.selectFirst("time").attr("datetime")).endsWith("Z");
    }

    @Test
    void theDirectoryIsPaginatedAndSaysWhatToDoWhenNothingMatches() {
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 27; i++) {
            database.user(tag + "-" + i + "@example.com", null, "P", "Q");
        }
        Visitor.Page first = staff.get("/admin/users?q=" + tag);
        Visitor.Page second = staff.get("/admin/users?q=" + tag + "&page=2");

        assertThat(first.html().select("#users-directory tbody tr")).hasSize(25);
        assertThat(first.text()).contains("27 users", "Page 1 of 2");
        assertThat(second.html().select("#users-directory tbody tr")).hasSize(2);
        assertThat(staff.get("/admin/users?q=" + tag + "&page=x").status()).isEqualTo(200);
        Visitor.Page none = staff.get("/admin/users?q=nobody-" + tag);
        assertThat(none.html().selectFirst("#users-empty").text()).contains("No user has a name or email address",
                "Show all users");
    }

    @Test
    void theUserPageListsTheAccountsWithPermissionLabelsAndTheOwnerBadge() {
        Person olga = registrations.registerVerified("Olga");
        long own = registrations.accountOf(olga);
        long other = registrations.accountOf(registrations.registerVerified("Max"));
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices,tickets', CURRENT_TIMESTAMP)")
                .params(other, olga.id()).update();

        Visitor.Page page = staff.get("/admin/users/" + olga.id());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#account-" + own).text()).contains("Owner", "All permissions");
        assertThat(page.html().selectFirst("#account-" + other).text())
                .contains("View & Pay Invoices", "View & Open Support Tickets").doesNotContain("Owner");
        assertThat(page.html().select("#account-" + other + " a[href=/admin/clients/" + other + "]")).hasSize(1);
        assertThat(page.html().selectFirst("#delete-reason").text()).contains("belongs to no account");
        assertThat(page.html().select("a[href=/admin/users/" + olga.id() + "/delete]")).isEmpty();
    }

    @Test
    void theLoginHistoryShowsTheUsersLoginsNewestFirst() {
        Person olga = registrations.registerVerified("Olga");
        new Visitor(port).login(olga.email(), olga.password());
        new Visitor(port).login(olga.email(), olga.password());

        Visitor.Page page = staff.get("/admin/users/" + olga.id());

        assertThat(page.html().select("#logins-table tbody tr")).hasSize(2);
        assertThat(page.html().selectFirst("#logins-table tbody tr").text()).contains("127.0.0.1", "just now");
        assertThat(page.html().selectFirst("#logins-table time").attr("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
    }

    @Test
    void anUnknownOrMalformedUserIdIsNotFound() {
        long unknown = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1000 FROM users").query(Long.class).single();

        for (String path : List.of("", "/edit", "/disable", "/two-factor/disable", "/delete")) {
            assertThat(staff.get("/admin/users/" + unknown + path).status()).as(path).isEqualTo(404);
        }
        assertThat(staff.get("/admin/users/abc").status()).isEqualTo(404);
        for (String path : List.of("/edit", "/disable", "/enable", "/sessions/end", "/two-factor/disable",
                "/delete", "/password-reset", "/verification")) {
            assertThat(staff.post("/admin/users/" + unknown + path, Map.of()).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void staffEditNameLanguageAndEmailAndTheOldAddressIsTold() {
        Person olga = registrations.registerVerified("Olga");
        String newEmail = Registrations.uniqueEmail("olga.new");
        Visitor.Page form = staff.get("/admin/users/" + olga.id() + "/edit");
        assertThat(form.field("email").attr("value")).isEqualTo(olga.email());
        assertThat(form.html().select("label[for=firstName], label[for=lastName], label[for=email], label[for=language]"))
                .hasSize(4);

        Visitor.Page saved = staff.post("/admin/users/" + olga.id() + "/edit", Map.of("firstName", "Olga",
                "lastName", "Berg", "email", "  " + newEmail.toUpperCase() + " ", "language", "fr"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/admin/users/" + olga.id());
        Map<String, Object> row = jdbc.sql("SELECT email, last_name, language, email_verified FROM users WHERE id = ?")
                .param(olga.id()).query().singleRow();
        assertThat(row).containsEntry("EMAIL", newEmail).containsEntry("LAST_NAME", "Berg")
                .containsEntry("LANGUAGE", "fr").containsEntry("EMAIL_VERIFIED", false);
        assertThat(staff.get(saved.location()).text()).contains("The user was saved.", "Olga Berg", "Not verified");
        Mailbox.shared().awaitSubject(olga.email(), "was changed");
        Mailbox.shared().awaitMessage(newEmail, 1);
        assertThat(auditRows(olga.id(), "user.email_changed")).isEqualTo(1);
        assertThat(auditRows(olga.id(), "user.profile_updated")).isEqualTo(1);
    }

    @Test
    void aTakenOrInvalidAddressOrABlankNameIsShownNextToTheFieldAndChangesNothing() {
        Person olga = registrations.registerVerified("Olga");
        Person max = registrations.registerVerified("Max");
        String path = "/admin/users/" + olga.id() + "/edit";
        staff.get(path);

        Visitor.Page taken = staff.post(path, Map.of("firstName", "Olga", "lastName", "Changed",
                "email", max.email(), "language", "en"));
        Visitor.Page invalid = staff.post(path, Map.of("firstName", "Olga", "lastName", "Changed",
                "email", "not an address", "language", "en"));
        Visitor.Page blank = staff.post(path, Map.of("firstName", " ", "lastName", "Changed",
                "email", olga.email(), "language", "xx"));

        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.html().selectFirst("#email-error").text()).isEqualTo("This email address cannot be used. Choose another one.");
        assertThat(taken.text()).doesNotContain("Max Tester");
        assertThat(invalid.html().selectFirst("#email-error").text()).isEqualTo("Please enter a valid email address.");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.html().selectFirst("#firstName-error")).isNotNull();
        assertThat(blank.text()).contains("Please choose a language from the list.");
        assertThat(jdbc.sql("SELECT last_name FROM users WHERE id = ?").param(olga.id()).query(String.class).single())
                .isEqualTo("Tester");
    }

    @Test
    void disablingEndsTheLiveSessionOnTheNextRequestAndEnablingLetsTheUserBackIn() {
        Person olga = registrations.registerVerified("Olga");
        Visitor user = new Visitor(port);
        user.login(olga.email(), olga.password());
        assertThat(user.get("/profile").status()).isEqualTo(200);

        Visitor.Page confirmation = staff.get("/admin/users/" + olga.id() + "/disable");
        assertThat(confirmation.html().selectFirst("#confirm-question").text())
                .isEqualTo("Disable Olga Tester (" + olga.email() + ")?");
        Visitor.Page done = staff.post("/admin/users/" + olga.id() + "/disable", Map.of());

        assertThat(done.location()).endsWith("/admin/users/" + olga.id());
        Visitor.Page next = user.get("/profile");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).endsWith("/login");
        assertThat(new Visitor(port).login(olga.email(), olga.password()).html().select("form[action=/login]"))
                .isNotEmpty();
        assertThat(staff.get("/admin/users/" + olga.id()).html().selectFirst("#disabled-badge")).isNotNull();
        assertThat(auditRows(olga.id(), "admin.user.disabled")).isEqualTo(1);

        staff.post("/admin/users/" + olga.id() + "/enable", Map.of());
        Visitor again = new Visitor(port);
        again.login(olga.email(), olga.password());
        assertThat(again.get("/profile").status()).isEqualTo(200);
        assertThat(auditRows(olga.id(), "admin.user.enabled")).isEqualTo(1);
    }

    @Test
    void endAllSessionsLogsTheUserOutEverywhere() {
        Person olga = registrations.registerVerified("Olga");
        Visitor one = new Visitor(port);
        Visitor two = new Visitor(port);
        one.login(olga.email(), olga.password());
        two.login(olga.email(), olga.password());
        staff.get("/admin/users/" + olga.id());

        staff.post("/admin/users/" + olga.id() + "/sessions/end", Map.of());

        assertThat(one.get("/profile").location()).endsWith("/login");
        assertThat(two.get("/profile").location()).endsWith("/login");
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE user_id = ? AND action = 'admin.user.sessions_ended'")
                .param(olga.id()).query(String.class).single()).isEqualTo("sessions=2");
    }

    @Test
    void twoFactorIsTurnedOffAfterAConfirmationAndNeverOn() {
        Person olga = registrations.registerVerified("Olga");
        assertThat(staff.get("/admin/users/" + olga.id() + "/two-factor/disable").location())
                .as("nothing to turn off").endsWith("/admin/users/" + olga.id());
        jdbc.sql("UPDATE users SET totp_secret = 'secret' WHERE id = ?").param(olga.id()).update();
        jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)").params(olga.id(), "a".repeat(64)).update();

        assertThat(staff.get("/admin/users/" + olga.id() + "/two-factor/disable").text())
                .contains("Turn two-factor authentication off for Olga Tester");
        staff.post("/admin/users/" + olga.id() + "/two-factor/disable", Map.of());

        assertThat(jdbc.sql("SELECT totp_secret FROM users WHERE id = ?").param(olga.id()).query(String.class)
                .optional()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?").param(olga.id())
                .query(Long.class).single()).isZero();
        assertThat(auditRows(olga.id(), "user.two_factor_disabled")).isEqualTo(1);
        assertThat(staff.get("/admin/users/" + olga.id()).html().select("a[href$=/two-factor/disable]")).isEmpty();
    }

    @Test
    void aUserWhoBelongsToAnAccountIsNotDeleted() {
        Person olga = registrations.registerVerified("Olga");
        staff.get("/admin/users/" + olga.id());

        assertThat(staff.get("/admin/users/" + olga.id() + "/delete").location()).endsWith("/admin/users/" + olga.id());
        Visitor.Page refused = staff.post("/admin/users/" + olga.id() + "/delete", Map.of());

        assertThat(refused.location()).endsWith("/admin/users/" + olga.id());
        assertThat(staff.get(refused.location()).html().selectFirst("#problem").text()).contains("cannot be deleted");
        assertThat(userExists(olga.id())).isTrue();
    }

    @Test
    void aUserWithoutAccountIsDeletedAfterAConfirmationAndInvitationsTheySentStay() {
        Person max = registrations.registerVerified("Max");
        long account = registrations.accountOf(max);
        String email = Registrations.uniqueEmail("lone");
        long lone = database.user(email, PASSWORD, "Lone", "Wolf");
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, language, invited_by_user_id, token_hash, status, sent_at,
                                         expires_at, created_at)
                VALUES (?, ?, 'en', ?, ?, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(account, Registrations.uniqueEmail("invitee"), lone, UUID.randomUUID().toString().replace("-", "")
                        + UUID.randomUUID().toString().replace("-", "")).update();

        Visitor.Page page = staff.get("/admin/users/" + lone);
        assertThat(page.html().select("#accounts-empty")).hasSize(1);
        assertThat(staff.get("/admin/users/" + lone + "/delete").html().selectFirst("#confirm-question").text())
                .isEqualTo("Delete Lone Wolf (" + email + ")?");
        Visitor.Page done = staff.post("/admin/users/" + lone + "/delete", Map.of());

        assertThat(done.location()).endsWith("/admin/users");
        assertThat(staff.get("/admin/users").html().selectFirst("#notice").text()).contains(email);
        assertThat(userExists(lone)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE account_id = ? AND invited_by_user_id IS NULL")
                .param(account).query(Long.class).single()).isEqualTo(1);
        Map<String, Object> audit = jdbc.sql("SELECT actor_type, actor_id, details FROM audit_events WHERE user_id = ? AND action = 'admin.user.deleted'")
                .param(lone).query().singleRow();
        assertThat(audit.get("ACTOR_TYPE")).isEqualTo("STAFF");
        assertThat(((Number) audit.get("ACTOR_ID")).longValue()).isEqualTo(staffId);
        assertThat(audit.get("DETAILS")).isEqualTo("email=" + email);
    }

    @Test
    void postsWithoutCsrfTokenAreRefusedAndChangeNothing() {
        Person olga = registrations.registerVerified("Olga");
        staff.get("/admin/users/" + olga.id());

        assertThat(staff.postRaw("/admin/users/" + olga.id() + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(staff.postRaw("/admin/users/" + olga.id() + "/edit", Map.of("firstName", "X", "lastName", "Y",
                "email", olga.email(), "language", "en")).status()).isEqualTo(403);
        assertThat(staff.postRaw("/admin/users/" + olga.id() + "/password-reset", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT disabled FROM users WHERE id = ?").param(olga.id()).query(Boolean.class).single())
                .isFalse();
        assertThat(auditRows(olga.id(), "admin.user.password_reset_sent")).isZero();
    }

    @Test
    void aClientAreaUserNeverReachesTheUserPages() {
        Person olga = registrations.registerVerified("Olga");
        Visitor user = new Visitor(port);
        user.login(olga.email(), olga.password());

        for (String path : List.of("/admin/users", "/admin/users/" + olga.id(), "/admin/users/" + olga.id() + "/edit")) {
            Visitor.Page page = user.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/admin/login");
        }
        Visitor.Page post = user.post("/admin/users/" + olga.id() + "/disable", Map.of());
        assertThat(post.status()).isIn(302, 403);
        assertThat(jdbc.sql("SELECT disabled FROM users WHERE id = ?").param(olga.id()).query(Boolean.class).single())
                .isFalse();
    }

    private long auditRows(long userId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = ? AND actor_type = 'STAFF' AND actor_id = ?")
                .params(userId, action, staffId).query(Long.class).single();
    }

    private boolean userExists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ?").param(userId).query(Long.class).single() == 1;
    }

    private static List<Long> rowIds(Visitor.Page page) {
        return page.html().select("#users-directory tbody tr").stream()
                .map(row -> Long.parseLong(row.id().substring("user-".length()))).toList();
    }
}
