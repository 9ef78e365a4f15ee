package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff "Manage Permissions" opened before another change is refused; a form not sent whole changes nothing. */
@IntegrationTest
class AdminStalePermissionsTest {

    private static final String PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Registrations registrations;

    Visitor staff;
    Visitor otherStaff;
    Person member;
    long account;
    String path;

    @BeforeEach
    void twoStaffAndAMember() {
        Database database = new Database(jdbc, encoder);
        staff = loggedIn(database);
        otherStaff = loggedIn(database);
        Person owner = registrations.registerVerified("Olga");
        member = registrations.registerVerified("Max");
        account = registrations.accountOf(owner);
        database.membership(account, member.id());
        path = "/admin/clients/" + account + "/users/" + member.id() + "/permissions";
    }

    @Test
    void theOlderFormIsRefusedAndChangesNothingWhileAFreshOneSaves() {
        Visitor.Page mine = staff.get(path);
        Visitor.Page theirs = otherStaff.get(path);
        assertThat(otherStaff.post(path, choose(theirs, "invoices")).status()).isEqualTo(302);

        Visitor.Page stale = staff.post(path, choose(mine, "domains", "users"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains(
                "This was changed by someone else since you opened this page — reload it to see the change.");
        assertThat(stored()).isEqualTo("invoices");
        assertThat(audits()).isEqualTo(1);

        Visitor.Page fresh = staff.get(path);
        assertThat(staff.post(path, choose(fresh, "domains", "users")).status()).isEqualTo(302);
        assertThat(stored()).isEqualTo("domains,users");
        assertThat(audits()).isEqualTo(2);
    }

    @Test
    void aPostWithoutTheScopeTheBoxesOrTheVersionIsRefusedAndChoosingNoneIsDeliberate() {
        jdbc.sql("UPDATE memberships SET permissions = 'tickets' WHERE account_id = ? AND user_id = ?")
                .params(account, member.id()).update();
        String version = versionIn(staff.get(path));

        for (List<Map.Entry<String, String>> incomplete : List.of(List.<Map.Entry<String, String>>of(),
                List.of(Map.entry("permissions", "invoices"), Map.entry("version", version)),
                List.of(Map.entry("scope", "choose"), Map.entry("version", version)),
                List.of(Map.entry("scope", "all")))) {
            Visitor.Page refused = staff.post(path, incomplete);
            assertThat(refused.status()).as(incomplete.toString()).isEqualTo(400);
        }
        assertThat(stored()).isEqualTo("tickets");
        assertThat(audits()).isZero();

        Visitor.Page form = staff.get(path);
        assertThat(form.html().select("input[type=hidden][name=_permissions]")).hasSize(1);
        Visitor.Page none = staff.post(path, List.of(Map.entry("scope", "choose"), Map.entry("_permissions", "on"),
                Map.entry("version", versionIn(form))));
        assertThat(none.status()).isEqualTo(302);
        assertThat(stored()).isEmpty();
    }

    private static List<Map.Entry<String, String>> choose(Visitor.Page form, String... permissions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("scope", "choose"));
        fields.add(Map.entry("version", versionIn(form)));
        for (String permission : permissions) {
            fields.add(Map.entry("permissions", permission));
        }
        return fields;
    }

    private Visitor loggedIn(Database database) {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        database.staff(email, PASSWORD);
        return StaffLogin.as(port, email, PASSWORD);
    }

    private String stored() {
        return jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, member.id()).query(String.class).single();
    }

    private int audits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'membership.permissions_changed' AND user_id = ?")
                .param(member.id()).query(Integer.class).single();
    }

    /** The version the form showed; a form without one (as before versions existed) sends none. */
    private static String versionIn(Visitor.Page form) {
        var field = form.field("version");
        return field == null ? "" : field.attr("value");
    }
}
