package app.roster.admin;

import app.roster.shared.OneTimeToken;
import app.roster.support.Visitor;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
    void usersTabPagesBy25WithTheOwnerFirstThenByCursor() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Many", owner);
        database.membership(account, owner);
        List<Long> members = members(account, tag, 29);

        Visitor.Page first = staff.get(usersTab(account));
        Visitor.Page second = staff.get(first.html().selectFirst("#users-pages a[rel=next]").attr("href"));

        assertThat(userIds(first)).hasSize(25).first().isEqualTo(owner);
        assertThat(userIds(first).subList(1, 25)).isEqualTo(members.subList(0, 24));
        assertThat(userIds(second)).isEqualTo(members.subList(24, 29));
        assertThat(first.html().selectFirst("#users-count").text()).isEqualTo("30 users");
        assertThat(second.html().selectFirst("#users-pages a[rel=next]").attr("aria-disabled")).isEqualTo("true");
        Visitor.Page back = staff.get(second.html().selectFirst("#users-pages a[rel=prev]").attr("href"));
        assertThat(userIds(back)).isEqualTo(userIds(first));
        assertThat(staff.get(usersTab(account) + "?page=x").status()).isEqualTo(200);
    }

    @Test
    void usersTabPagesByCursorListEveryoneOnceWhileUsersJoinAndLeaveAndRefuseAChangedCursor() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Moving", owner);
        database.membership(account, owner);
        List<Long> members = members(account, tag, 60);

        Visitor.Page first = staff.get(usersTab(account));
        List<Long> seen = new ArrayList<>(userIds(first));
        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(account, seen.get(3)).update();
        long late = database.user(tag + "-late@example.com", null, "Mia", "Late");
        database.membership(account, late);
        String next = first.html().selectFirst("#users-pages a[rel=next]").attr("href");
        String cursor = next.replaceAll(".*after=([^&]*).*", "$1");
        String changed = cursor.substring(0, 4) + (cursor.charAt(4) == 'A' ? 'B' : 'A') + cursor.substring(5);
        for (int pages = 0; !next.isEmpty() && pages < 10; pages++) {
            Visitor.Page page = staff.get(next);
            seen.addAll(userIds(page));
            next = page.html().selectFirst("#users-pages a[rel=next]").attr("href");
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(members).contains(owner, late).hasSize(1 + 60 + 1);
        for (String bad : List.of("abc", "AQ", changed, cursor.substring(0, cursor.length() - 1))) {
            for (String side : List.of("after", "before")) {
                Visitor.Page refused = staff.get(usersTab(account) + "?" + side + "=" + bad);
                assertThat(refused.status()).as(side + bad).isEqualTo(400);
                assertThat(refused.text()).contains("Start again from the first page");
            }
        }
    }

    @Test
    void usersTabSearchesThisClientsUsersByNameOrEmailPrefixKeepingTheQueryAcrossPages() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Search", owner);
        database.membership(account, owner);
        List<Long> members = members(account, tag, 29);
        long outsider = database.user(tag + "-m05-outsider@example.com", null, "Mia", "Outsider");
        database.membership(database.account("Elsewhere", outsider), outsider);

        assertThat(userIds(staff.get(usersTab(account) + "?q=" + prefix.toUpperCase() + "-M1")))
                .isEqualTo(members.subList(10, 20));
        assertThat(userIds(staff.get(usersTab(account) + "?q=zUL"))).containsExactly(owner);
        assertThat(userIds(staff.get(usersTab(account) + "?q=a2"))).isEqualTo(members.subList(20, 29));
        Visitor.Page byFirstName = staff.get(usersTab(account) + "?q=MIA");
        assertThat(byFirstName.html().selectFirst("#q").val()).isEqualTo("MIA");
        String next = byFirstName.html().selectFirst("#users-pages a[rel=next]").attr("href");
        assertThat(next).contains("q=MIA").contains("after=");
        assertThat(userIds(byFirstName)).isEqualTo(members.subList(0, 25));
        assertThat(userIds(staff.get(next))).isEqualTo(members.subList(25, 29));
        assertThat(byFirstName.html().select("label[for=q]").text()).isEqualTo("Name or email address starts with");

        for (String query : List.of("nobody", "%25", "_")) {
            Visitor.Page none = staff.get(usersTab(account) + "?q=" + query);
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.html().select("#users-table")).as(query).isEmpty();
            assertThat(none.html().selectFirst("#users-empty").text()).contains("No user of this client")
                    .contains("Show all users of this client");
        }
    }

    @Test
    void pendingInvitesPageOnTheirOwnKeepingTheUsersPageAndQuery() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Invites", owner);
        database.membership(account, owner);
        members(account, tag, 29);
        List<Long> newestFirst = new ArrayList<>();
        Instant sent = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 30; i++) {
            newestFirst.addFirst(invitation(account, tag + "-invitee" + i + "@example.com", sent.plusSeconds(i)));
        }

        Visitor.Page first = staff.get(staff.get(usersTab(account) + "?q=mia").html()
                .selectFirst("#users-pages a[rel=next]").attr("href"));
        String next = first.html().selectFirst("#invites-pages a[rel=next]").attr("href");
        Visitor.Page second = staff.get(next.substring(0, next.indexOf('#')));

        assertThat(inviteIds(first)).isEqualTo(newestFirst.subList(0, 25));
        assertThat(first.html().selectFirst("#invites-count").text()).isEqualTo("30 invitations");
        assertThat(next).contains("invitesPage=2").contains("q=mia").contains("after=").endsWith("#pending-invites");
        assertThat(inviteIds(second)).isEqualTo(newestFirst.subList(25, 30));
        assertThat(second.html().selectFirst("#invites-pages").text()).contains("Page 2 of 2");
        assertThat(userIds(second)).hasSize(4);
        assertThat(second.body()).doesNotContain("older invitations");
    }

    @Test
    void supportSeesTheUsersAndInvitesPagesWithoutChangeButtons() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Support", owner);
        database.membership(account, owner);
        members(account, tag, 29);
        invitation(account, tag + "-invitee@example.com", Instant.now());
        String email = "support-" + UUID.randomUUID() + "@example.com";
        database.support(email, PASSWORD);
        Visitor support = StaffLogin.as(port, email, PASSWORD);

        String second = staff.get(usersTab(account)).html().selectFirst("#users-pages a[rel=next]").attr("href");
        String searched = staff.get(usersTab(account) + "?q=mia").html().selectFirst("#users-pages a[rel=next]")
                .attr("href");
        for (String page : List.of(usersTab(account), second, searched)) {
            Visitor.Page tab = support.get(page);
            assertThat(tab.status()).isEqualTo(200);
            assertThat(userIds(tab)).as(page).isNotEmpty();
            assertThat(tab.html().select("#associate-user, #users-table a[href$=/permissions], "
                    + "#users-table a[href$=/remove], #users-table a[href$=/make-owner], #invites-table a[href$=/cancel]"))
                    .as(page).isEmpty();
        }
        assertThat(staff.get(second).html().select("#users-table a[href$=/remove]")).hasSize(5);
    }

    @Test
    void timesOnTheUsersTabSayHowLongAgoWithTheExactTimeInTheTitle() {
        String tag = prefix.toLowerCase();
        long owner = database.user(tag + "-owner@example.com", null, "Zoe", "Zulu");
        long account = database.account(prefix + " Times", owner);
        database.membership(account, owner);
        Instant sent = Instant.now().minus(Duration.ofMinutes(61));
        long invite = invitation(account, tag + "-invitee@example.com", sent);

        Element row = staff.get(usersTab(account)).html().selectFirst("#invite-" + invite);

        List<Element> times = row.select("time");
        assertThat(times).extracting(Element::text).containsExactly("1 hour ago", "in 6 days");
        assertThat(Instant.parse(times.getFirst().attr("datetime"))).isBetween(sent.minusSeconds(1), sent.plusSeconds(1));
        assertThat(times.getFirst().attr("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(staff.get(usersTab(account)).html().selectFirst("#user-" + owner).text()).contains("Never");
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

    /** Members "Mia A00" … with addresses {tag}-m00@…, in the order the Users tab lists them after the owner. */
    private List<Long> members(long account, String tag, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = String.format("%02d", i);
            long id = database.user(tag + "-m" + number + "@example.com", null, "Mia", "A" + number);
            database.membership(account, id);
            ids.add(id);
        }
        return ids;
    }

    private long invitation(long account, String email, Instant sentAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO invitations (account_id, email, permissions, language, token_hash, status, sent_at,
                                         expires_at, created_at)
                VALUES (?, ?, '', 'en', ?, 'PENDING', ?, ?, ?)""")
                .params(account, email, OneTimeToken.hashOf(UUID.randomUUID().toString()), Timestamp.from(sentAt),
                        Timestamp.from(sentAt.plus(Duration.ofDays(7))), Timestamp.from(sentAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static String usersTab(long account) {
        return "/admin/clients/" + account + "/users";
    }

    private static List<Long> userIds(Visitor.Page page) {
        return page.html().select("#users-table tbody tr").stream()
                .map(row -> Long.parseLong(row.id().substring("user-".length()))).toList();
    }

    private static List<Long> inviteIds(Visitor.Page page) {
        return page.html().select("#invites-table tbody tr").stream()
                .map(row -> Long.parseLong(row.id().substring("invite-".length()))).toList();
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
