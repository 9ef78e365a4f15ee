package app.roster.admin;

import app.roster.support.Visitor;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class AdminClientsTest {

    private static final String PASSWORD = "amber falcon river slate";
    private static final Pattern CLIENT_LINK = Pattern.compile("href=\"/admin/clients/(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    Database database;
    Visitor staff;
    String prefix;

    @BeforeEach
    void loggedInStaff() {
        database = new Database(jdbc, encoder);
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        database.staff(email, PASSWORD);
        staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", PASSWORD)).location()).endsWith("/admin");
        prefix = "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void searchByNamePrefixIgnoresCaseAndPagesBy25InIdOrder() {
        long owner = database.user(prefix.toLowerCase() + "-owner@example.com", null, "Olga", "Owner");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(database.account(prefix + " Hosting " + i, owner));
        }
        database.account("Other " + prefix, owner);

        Visitor.Page first = staff.get("/admin?q=" + prefix.toUpperCase() + "+hosting");
        Visitor.Page second = staff.get("/admin?q=" + prefix.toUpperCase() + "+hosting&page=2");

        assertThat(clientIds(first)).isEqualTo(ids.subList(0, 25));
        assertThat(clientIds(second)).isEqualTo(ids.subList(25, 30));
        assertThat(first.body()).contains("30 clients").contains("Page 1 of 2").contains("Olga Owner");
        assertThat(second.body()).contains("Page 2 of 2");
    }

    @Test
    void searchByOwnerEmailPrefixFindsTheirAccountsOnly() {
        long alice = database.user(prefix.toLowerCase() + "-alice@example.com", null, "Alice", "A");
        long bob = database.user("b-" + prefix.toLowerCase() + "@example.com", null, "Bob", "B");
        long aliceAccount = database.account("Alice Web", alice);
        database.account("Bob Web", bob);

        Visitor.Page page = staff.get("/admin?q=" + prefix.toUpperCase() + "-ALI");

        assertThat(clientIds(page)).containsExactly(aliceAccount);
    }

    @Test
    void wildcardsAreTakenLiterallyAndNoMatchShowsTheEmptyState() {
        long owner = database.user(prefix.toLowerCase() + "@example.com", null, "Wil", "Card");
        database.account(prefix + " Percent", owner);

        Visitor.Page percent = staff.get("/admin?q=%25");
        Visitor.Page underscore = staff.get("/admin?q=" + prefix.substring(0, 3) + "_");

        for (Visitor.Page page : List.of(percent, underscore)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(clientIds(page)).isEmpty();
            assertThat(page.body()).contains("id=\"clients-empty\"").contains("No client matches");
        }
    }

    @Test
    void searchFindsCompanyNamePrefixAndAnIdAndSortsByNameOrCreatedKeepingQueryAndSortAcrossPages() {
        long owner = database.user(prefix.toLowerCase() + "-sorter@example.com", null, "Sven", "Sorter");
        long byCompany = database.account("Zeta", owner);
        jdbc.sql("UPDATE accounts SET company_name = ? WHERE id = ?").params(prefix + " Holding AG", byCompany).update();
        long other = database.account("Unrelated " + UUID.randomUUID(), owner);

        assertThat(clientIds(staff.get("/admin?q=" + prefix.toLowerCase() + "+hold"))).containsExactly(byCompany);
        assertThat(clientIds(staff.get("/admin?q=" + other))).contains(other);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            ids.add(database.account(prefix + " Sort " + (char) ('a' + (i * 7) % 26) + i, owner));
        }
        List<Long> byName = jdbc.sql("SELECT id FROM accounts WHERE name LIKE ? ORDER BY name DESC, id DESC")
                .param(prefix + " Sort %").query(Long.class).list();
        Visitor.Page first = staff.get("/admin?q=" + prefix + "+sort&sort=-name");
        Visitor.Page second = staff.get(first.html().selectFirst("a[rel=next]").attr("href"));
        assertThat(clientIds(first)).isEqualTo(byName.subList(0, 25));
        assertThat(clientIds(second)).isEqualTo(byName.subList(25, 27));
        assertThat(first.html().selectFirst("th[aria-sort=descending]").text()).isEqualTo("Name");
        assertThat(first.html().select("th[aria-sort=none]")).hasSize(2);
        assertThat(first.html().selectFirst("th[aria-sort=descending] a").attr("href")).contains("sort=name");

        Visitor.Page newest = staff.get("/admin?q=" + prefix + "+sort&sort=-created");
        assertThat(clientIds(newest).getFirst()).isEqualTo(ids.getLast());
        assertThat(staff.get("/admin?q=" + prefix + "+sort&sort=nonsense").status()).isEqualTo(200);
        assertThat(first.html().select("tbody tr").first().text()).contains("Active");
    }

    @Test
    void clientPageShowsAccountOwnerWithLastLoginIpAndHostAndItsUsers() {
        long owner = database.user(prefix.toLowerCase() + "-owner@example.com", null, "Olga", "Owner");
        long member = database.user(prefix.toLowerCase() + "-member@example.com", null, "Max", "Member");
        long outsider = database.user(prefix.toLowerCase() + "-outsider@example.com", null, "Otto", "Outsider");
        jdbc.sql("UPDATE users SET last_login_at = CURRENT_TIMESTAMP, last_login_ip = '203.0.113.7', "
                + "last_login_host = 'host7.example.net' WHERE id = ?").param(owner).update();
        long account = database.account(prefix + " Hosting", owner);
        jdbc.sql("UPDATE accounts SET company_name = 'Olga GmbH', country = 'DE', tax_id = 'DE123456789', "
                + "phone = '+49 30 1234' WHERE id = ?").param(account).update();
        database.membership(account, owner);
        database.membership(account, member);
        database.membership(database.account("Elsewhere", outsider), outsider);

        Visitor.Page page = staff.get("/admin/clients/" + account);
        Visitor.Page users = staff.get("/admin/clients/" + account + "/users");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(prefix + " Hosting", "Olga GmbH", "DE123456789", "+49 30 1234", "Active",
                "203.0.113.7", "host7.example.net", "Olga Owner").doesNotContain("Otto Outsider");
        assertThat(page.html().select("nav .nav-link.active").text()).isEqualTo("Profile");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.html().select("nav .nav-link.active").text()).isEqualTo("Users");
        assertThat(users.html().select("#users-table").text()).contains("Olga Owner", "Max Member",
                prefix.toLowerCase() + "-member@example.com").doesNotContain("Otto Outsider");
    }

    @Test
    void anUnknownOrMalformedClientIdIsNotFound() {
        long lastId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM accounts").query(Long.class).single();

        assertThat(staff.get("/admin/clients/" + (lastId + 1000)).status()).isEqualTo(404);
        assertThat(staff.get("/admin/clients/abc").status()).isEqualTo(404);
        for (String tab : List.of("/users", "/contacts", "/profile/edit", "/close", "/reopen")) {
            assertThat(staff.get("/admin/clients/" + (lastId + 1000) + tab).status()).as(tab).isEqualTo(404);
        }
    }

    private static List<Long> clientIds(Visitor.Page page) {
        Matcher matcher = CLIENT_LINK.matcher(page.body());
        List<Long> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
