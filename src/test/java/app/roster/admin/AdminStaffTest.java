package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Actor;
import app.roster.staff.ChangeStaffRole;
import app.roster.staff.DisableStaff;
import app.roster.staff.StaffRefused;
import app.roster.staff.StaffRole;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff management: Administrators only, every change audited, nobody locks the Admin Area out. */
@IntegrationTest
class AdminStaffTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ChangeStaffRole changeRole;
    @Autowired
    DisableStaff disableStaff;

    private final Mailbox mailbox = Mailbox.shared();

    Database database;
    String adminEmail;
    long adminId;
    String supportEmail;
    long supportId;

    @BeforeEach
    void staff() {
        database = new Database(jdbc, encoder);
        adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        adminId = database.staff(adminEmail, PASSWORD);
        supportEmail = "support-" + UUID.randomUUID() + "@example.com";
        supportId = database.support(supportEmail, PASSWORD);
    }

    @Test
    void anAdministratorAddsStaffWhoReceiveASetPasswordLinkAndCanThenLogIn() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);
        assertThat(admin.get("/admin/staff/new").status()).isEqualTo(200);
        String newEmail = "new-" + UUID.randomUUID() + "@example.com";

        Visitor.Page added = admin.post("/admin/staff",
                Map.of("name", "Nina New", "email", newEmail.toUpperCase(), "role", "SUPPORT"));

        assertThat(added.status()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM staff WHERE email = ?").param(newEmail).query(Long.class).single();
        assertThat(added.location()).endsWith("/admin/staff/" + id);
        Visitor.Page page = admin.get(added.location());
        assertThat(page.text()).contains("Nina New", newEmail, "Support", "Password not set yet", "on its way");
        assertThat(jdbc.sql("SELECT role FROM staff WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("SUPPORT");
        assertThat(audited("admin.staff.created", adminId)).isEqualTo(1);

        MimeMessage mail = mailbox.awaitSubject(newEmail, "Admin Area login");
        String link = Mailbox.link(mail, "/admin/setup-password");
        Visitor nina = new Visitor(port);
        nina.open(link);
        assertThat(nina.post("/admin/setup-password", Map.of("password", "quiet meadow lantern 42",
                "confirmation", "quiet meadow lantern 42")).location()).endsWith("/admin/login?passwordSet");
        StaffMembers.loggedIn(port, newEmail, "quiet meadow lantern 42");
        assertThat(admin.get("/admin/staff").text()).contains("Nina New", newEmail);
    }

    @Test
    void theStaffListShows25APageByName() {
        for (int i = 0; i < 26; i++) {
            database.support("many-" + i + "-" + UUID.randomUUID() + "@example.com", null);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single();
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);

        Visitor.Page first = admin.get("/admin/staff");
        Visitor.Page last = admin.get("/admin/staff?page=" + ((total + 24) / 25));

        assertThat(first.html().select("#staff-list tbody tr")).hasSize(25);
        assertThat(first.text()).contains("Staff logins: " + total, "Page 1 of " + ((total + 24) / 25));
        assertThat(last.html().select("#staff-list tbody tr")).hasSize((int) (total - 25 * ((total + 24) / 25 - 1)));
        assertThat(admin.get("/admin/staff?page=abc").status()).isEqualTo(200);
        assertThat(admin.get("/admin/staff?page=-4").status()).isEqualTo(200);
    }

    @Test
    void badInputIsShownNextToItsFieldNeverA500() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);
        admin.get("/admin/staff/new");

        Visitor.Page noName = admin.post("/admin/staff", Map.of("name", " ", "email", "x@example.com", "role", "SUPPORT"));
        Visitor.Page badEmail = admin.post("/admin/staff", Map.of("name", "X", "email", "not-an-address", "role", "SUPPORT"));
        Visitor.Page taken = admin.post("/admin/staff", Map.of("name", "X", "email", supportEmail, "role", "SUPPORT"));
        Visitor.Page noRole = admin.post("/admin/staff", Map.of("name", "X", "email", "r-" + UUID.randomUUID()
                + "@example.com", "role", "ROOT"));
        Visitor.Page nothing = admin.post("/admin/staff", Map.of());

        assertThat(noName.status()).isEqualTo(200);
        assertThat(noName.html().selectFirst("#name-error").text()).contains("Enter a name");
        assertThat(badEmail.html().selectFirst("#email-error").text()).contains("valid email address");
        assertThat(taken.html().selectFirst("#email-error").text()).contains("already exists");
        assertThat(noRole.html().selectFirst("#role-error").text()).contains("Administrator or Support");
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(admin.post("/admin/staff/" + supportId + "/role", Map.of("role", "KING")).status()).isEqualTo(302);
        assertThat(role(supportId)).isEqualTo("SUPPORT");
    }

    @Test
    void roleChangesAndTheAdministratorCannotDemoteOrDisableThemselves() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);
        admin.get("/admin/staff/" + supportId);

        assertThat(admin.post("/admin/staff/" + supportId + "/role", Map.of("role", "ADMINISTRATOR")).location())
                .endsWith("/admin/staff/" + supportId);
        assertThat(role(supportId)).isEqualTo("ADMINISTRATOR");
        assertThat(audited("admin.staff.role_changed", adminId)).isEqualTo(1);

        Visitor.Page selfDemote = admin.post("/admin/staff/" + adminId + "/role", Map.of("role", "SUPPORT"));
        assertThat(admin.get(selfDemote.location()).html().selectFirst("#refused").text())
                .contains("cannot change your own role");
        assertThat(role(adminId)).isEqualTo("ADMINISTRATOR");

        Visitor.Page selfDisable = admin.post("/admin/staff/" + adminId + "/disable", Map.of());
        assertThat(admin.get(selfDisable.location()).html().selectFirst("#refused").text())
                .contains("cannot disable your own login");
        assertThat(disabled(adminId)).isFalse();
        assertThat(admin.get("/admin/staff/" + adminId).html().select("form[action$=/disable]")).isEmpty();
    }

    @Test
    void thereIsAlwaysAnEnabledAdministrator() {
        List<Long> others = jdbc.sql("SELECT id FROM staff WHERE role = 'ADMINISTRATOR' AND disabled = FALSE AND id <> ?")
                .param(adminId).query(Long.class).list();
        try {
            others.forEach(id -> jdbc.sql("UPDATE staff SET disabled = TRUE WHERE id = ?").param(id).update());

            Actor another = new Actor.Staff(Long.MAX_VALUE, Actor.Staff.Role.ADMINISTRATOR, "Ada", "ada@example.com");
            assertThatThrownBy(() -> changeRole.change(another, adminId, StaffRole.SUPPORT))
                    .isInstanceOf(StaffRefused.class).hasMessage("admin.staff.error.lastAdministrator");
            assertThatThrownBy(() -> disableStaff.disable(another, adminId))
                    .isInstanceOf(StaffRefused.class).hasMessage("admin.staff.error.lastAdministrator");
            assertThat(role(adminId)).isEqualTo("ADMINISTRATOR");
            assertThat(disabled(adminId)).isFalse();
        } finally {
            others.forEach(id -> jdbc.sql("UPDATE staff SET disabled = FALSE WHERE id = ?").param(id).update());
        }
    }

    @Test
    void disableEnableAndTwoFactorResetGoThroughAConfirmationAndAreAudited() {
        jdbc.sql("UPDATE staff SET totp_secret = 'x', totp_last_step = 1 WHERE id = ?").param(supportId).update();
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);

        Visitor.Page confirm = admin.get("/admin/staff/" + supportId + "/disable");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.html().selectFirst("#confirm-question").text()).contains(supportEmail);
        assertThat(disabled(supportId)).as("opening the page changes nothing").isFalse();
        admin.post("/admin/staff/" + supportId + "/disable", Map.of());
        assertThat(disabled(supportId)).isTrue();
        // The member's own page: the list is paged, and other tests' staff can push them past its first page.
        assertThat(admin.get("/admin/staff/" + supportId).text()).contains("Disabled");
        admin.post("/admin/staff/" + supportId + "/enable", Map.of());
        assertThat(disabled(supportId)).isFalse();

        assertThat(admin.get("/admin/staff/" + supportId + "/two-factor-reset").status()).isEqualTo(200);
        admin.post("/admin/staff/" + supportId + "/two-factor-reset", Map.of());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = ? AND totp_secret IS NULL AND totp_last_step IS NULL")
                .param(supportId).query(Long.class).single()).isEqualTo(1);

        assertThat(audited("admin.staff.disabled", adminId)).isEqualTo(1);
        assertThat(audited("admin.staff.enabled", adminId)).isEqualTo(1);
        assertThat(audited("admin.staff.two_factor_reset", adminId)).isEqualTo(1);
    }

    @Test
    void resendingTheSetupLinkEmailsANewOneAndTheOldStopsWorking() {
        String email = "pending-" + UUID.randomUUID() + "@example.com";
        long pending = database.support(email, null);
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);

        admin.post("/admin/staff/" + pending + "/setup-link", Map.of());
        String first = Mailbox.link(mailbox.awaitMessage(email, 1), "/admin/setup-password");
        admin.post("/admin/staff/" + pending + "/setup-link", Map.of());
        String second = Mailbox.link(mailbox.awaitMessage(email, 2), "/admin/setup-password");

        assertThat(second).isNotEqualTo(first);
        assertThat(new Visitor(port).open(first).field("password")).as("the older link stopped working").isNull();
        assertThat(new Visitor(port).open(second).field("password")).isNotNull();
        assertThat(audited("admin.staff.setup_link_resent", adminId)).isEqualTo(2);
    }

    @Test
    void supportStaffGetNoStaffPagesAndNoStaffChanges() {
        Visitor support = StaffMembers.loggedIn(port, supportEmail, PASSWORD);

        assertThat(support.get("/admin").html().select("a[href$=/admin/staff]")).isEmpty();
        for (String path : List.of("/admin/staff", "/admin/staff/new", "/admin/staff/" + adminId,
                "/admin/staff/" + adminId + "/disable", "/admin/staff/" + adminId + "/two-factor-reset")) {
            assertThat(support.get(path).status()).as(path).isEqualTo(403);
        }
        support.get("/admin");
        for (String path : List.of("/admin/staff", "/admin/staff/" + adminId + "/role",
                "/admin/staff/" + adminId + "/disable", "/admin/staff/" + adminId + "/enable",
                "/admin/staff/" + adminId + "/setup-link", "/admin/staff/" + adminId + "/two-factor-reset")) {
            assertThat(support.post(path, Map.of("role", "SUPPORT", "name", "X", "email", "x@example.com"))
                    .status()).as(path).isEqualTo(403);
        }
        assertThat(role(adminId)).isEqualTo("ADMINISTRATOR");
        assertThat(disabled(adminId)).isFalse();
    }

    @Test
    void unknownIdsAnswer404AndPostsWithoutCsrfAreRefused() {
        Visitor admin = StaffMembers.loggedIn(port, adminEmail, PASSWORD);

        assertThat(admin.get("/admin/staff/999999999").status()).isEqualTo(404);
        assertThat(admin.get("/admin/staff/abc").status()).isEqualTo(404);
        assertThat(admin.get("/admin/staff/999999999/disable").status()).isEqualTo(404);
        admin.get("/admin/staff");
        assertThat(admin.post("/admin/staff/999999999/role", Map.of("role", "SUPPORT")).status()).isEqualTo(404);
        assertThat(admin.postRaw("/admin/staff/" + supportId + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(disabled(supportId)).isFalse();
    }

    private long audited(String action, long actorId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND actor_type = 'STAFF' AND actor_id = ?")
                .params(action, actorId).query(Long.class).single();
    }

    private String role(long id) {
        return jdbc.sql("SELECT role FROM staff WHERE id = ?").param(id).query(String.class).single();
    }

    private boolean disabled(long id) {
        return jdbc.sql("SELECT disabled FROM staff WHERE id = ?").param(id).query(Boolean.class).single();
    }
}
