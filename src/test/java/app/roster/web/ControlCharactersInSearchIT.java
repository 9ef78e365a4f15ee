package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.sql.Timestamp;
import java.time.Instant;
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
 * A NUL (or another control character) typed into any search box or filter: PostgreSQL refuses NUL in text, so
 * each finder must answer "no match" (or the page names the field) instead of a 500. Every search route, in
 * the Client Area and the Admin Area.
 */
@IntegrationTest
class ControlCharactersInSearchIT {

    private static final String STAFF_PASSWORD = "amber falcon river slate";
    private static final List<String> TERMS = List.of("%00", "olga%00", "ol%01ga", "o%E2%80%AEl");

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    Person owner;
    long account;

    @BeforeEach
    void anAccountWithAContact() {
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        jdbc.sql("""
                INSERT INTO contacts (account_id, first_name, last_name, email, created_at)
                VALUES (?, 'Olga', 'Contact', ?, ?)""")
                .params(account, "olga-contact-" + account + "@example.com", Timestamp.from(Instant.now())).update();
    }

    @Test
    void clientAreaSearchesAnswerNoMatch() {
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());
        noMatch(visitor, "/users?q=", "td:contains(" + owner.email() + ")");
        noMatch(visitor, "/contacts?q=", "td:contains(olga-contact)");
    }

    @Test
    void adminAreaSearchesAndFiltersAnswerNoMatchOrNameTheField() {
        Visitor staff = staff();
        String client = "/admin/clients/" + account;
        noMatch(staff, "/admin?q=", "a[href=" + client + "]");
        noMatch(staff, "/admin/users?q=", "a[href=/admin/users/" + owner.id() + "]");
        noMatch(staff, client + "/users?q=", "td:contains(" + owner.email() + ")");
        noMatch(staff, client + "/associate?q=", "#search-results a");
        noMatch(staff, "/admin/clients/new?q=", "#search-results a");
        noMatch(staff, client + "/contacts?q=", "td:contains(olga-contact)");
        noMatch(staff, "/admin/emails?recipient=", "td:contains(" + owner.email() + ")");
        for (String term : TERMS) {
            answered(staff, "/admin/emails?state=" + term);
            for (String field : List.of("account", "actorType", "actor", "action", "actionPrefix", "from", "to")) {
                Page trail = answered(staff, "/admin/audit?" + field + "=" + term);
                assertThat(trail.html().select("#" + field + "-error")).as("%s=%s", field, term).isNotEmpty();
                Page csv = staff.get("/admin/audit.csv?" + field + "=" + term);
                assertThat(csv.status()).as("%s=%s on the CSV", field, term).isIn(200, 302, 400);
            }
            answered(staff, "/admin?page=" + term + "&sort=" + term);
            answered(staff, client + "/activity?page=" + term);
        }
    }

    /**
     * The owner's own address (or the contact's) finds the row the selector picks — other tests' "Olga"s share the
     * database, so a plain "olga" could push it off the first page; each term with a control character answers,
     * finding nothing.
     */
    private void noMatch(Visitor visitor, String search, String resultSelector) {
        String found = search.contains("/contacts") ? "olga-contact-" + account : owner.email();
        assertThat(answered(visitor, search + found).html().select(resultSelector)).as(search + found).isNotEmpty();
        for (String term : TERMS) {
            Page page = answered(visitor, search + term);
            if (page.status() == 200) {
                assertThat(page.html().select(resultSelector)).as(search + term).isEmpty();
            }
        }
    }

    private static Page answered(Visitor visitor, String path) {
        Page page = visitor.get(path);
        assertThat(page.status()).as(path).isIn(200, 400);
        assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("Whitelabel");
        return page;
    }

    private Visitor staff() {
        String email = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(email, "Staff", encoder.encode(STAFF_PASSWORD), Timestamp.from(Instant.now())).update();
        Visitor visitor = new Visitor(port);
        visitor.get("/admin/login");
        assertThat(visitor.post("/admin/login", Map.of("email", email, "password", STAFF_PASSWORD)).location())
                .endsWith("/admin");
        return visitor;
    }
}
