package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The phone cards' headings (roster.css shows {@code td[data-label]} above each value) are in the HTML as served,
 * so they show without JavaScript: every cell of every card list of both areas carries its column's name.
 */
@IntegrationTest
@PageTest
class CardLabelsTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyCellOfEveryCardListIsHeadedByItsColumnsNameInTheServedHtml() {
        Person olga = registrations.registerVerified("Olga");
        Person uma = registrations.registerVerified("Uma");
        long account = registrations.accountOf(olga);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, uma.id(), "invoices", Timestamp.from(Instant.now())).update();
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id, token_hash, status,
                                         sent_at, expires_at, created_at)
                VALUES (?, ?, 'invoices', 'en', ?, ?, 'PENDING', ?, ?, ?)""")
                .params(account, Registrations.uniqueEmail("invited"), olga.id(),
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plus(Duration.ofDays(7))),
                        Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, "
                + "created_at) VALUES (?, 'Ann', 'Lee', 'ann.lee@example.com', 'general', TRUE, CURRENT_TIMESTAMP)")
                .params(account).update();
        credentials.token(olga.id(), account, "Laptop", "invoices");
        Visitor client = new Visitor(port);
        client.login(olga.email(), olga.password());
        Visitor staff = staff();

        List<String> checked = new ArrayList<>();
        checked.addAll(labelled(client.get("/users"), "#users", "#invites"));
        checked.addAll(labelled(client.get("/contacts"), "#contacts"));
        checked.addAll(labelled(client.get("/profile/security"), "#sessions"));
        checked.addAll(labelled(client.get("/profile/tokens"), "#tokens"));
        checked.addAll(labelled(client.get("/account/tokens"), "#tokens"));
        checked.addAll(labelled(staff.get("/admin"), "main table.table-cards"));
        checked.addAll(labelled(staff.get("/admin/users"), "#users-directory"));
        checked.addAll(labelled(staff.get("/admin/clients/" + account + "/users"), "#users-table", "#invites-table"));
        checked.addAll(labelled(staff.get("/admin/users/" + olga.id() + "/tokens"), "#tokens"));

        assertThat(checked).as("cells checked").contains("Permissions", "Expires", "Notifications", "Device",
                "Owner email", "Two-factor", "Last login details", "Invite sent", "Last use", "Actions");
    }

    /** Asserts the page's card lists are these tables and every body cell names its column; answers the names. */
    private static List<String> labelled(Visitor.Page page, String... tables) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("table.table-cards")).hasSize(tables.length);
        List<String> labels = new ArrayList<>();
        for (String table : tables) {
            Element list = page.html().selectFirst(table);
            assertThat(list).as(table).isNotNull();
            List<String> columns = list.select("thead th").eachText();
            Elements rows = list.select("tbody tr");
            assertThat(rows).as("rows of " + table).isNotEmpty();
            for (Element row : rows) {
                assertThat(row.select("> td").eachAttr("data-label")).as("labels of " + table).isEqualTo(columns);
            }
            labels.addAll(columns);
        }
        return labels;
    }

    private Visitor staff() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(email, "Sam Staff", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", STAFF_PASSWORD)).location())
                .endsWith("/admin");
        return staff;
    }
}
