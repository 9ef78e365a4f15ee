package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.RawHttp;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A request with a forged Host header must not be answered with a redirect to that host (cache poisoning,
 * links that send the next visitor elsewhere): every redirect is relative.
 */
@IntegrationTest
@PageTest
class ForgedHostIT {

    private static final String EVIL = "evil.test";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    private final List<String> locations = new ArrayList<>();

    @Test
    void noRedirectOfTheClientAreaNamesTheForgedHost() {
        Person jane = registrations.registerVerified("Jane");
        redirect(RawHttp.get(port, "/profile", evil(null)));
        redirect(RawHttp.get(port, "/", evil(null)));

        Visitor failed = new Visitor(port);
        String token = failed.get("/login").csrf();
        redirect(RawHttp.post(port, "/login", evil(failed), form("email", jane.email(), "password", "wrong password 1",
                "_csrf", token)));

        Visitor visitor = new Visitor(port);
        token = visitor.get("/login").csrf();
        redirect(RawHttp.post(port, "/login", evil(visitor), form("email", jane.email(), "password", jane.password(),
                "_csrf", token)));
        // The login above was the raw request's: this browser logs in as usual and then forges its posts.
        visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        token = visitor.get("/profile").csrf();
        redirect(RawHttp.post(port, "/profile", evil(visitor), form("firstName", "Jane", "lastName", "Tester",
                "language", "en", "_csrf", token)));
        redirect(RawHttp.post(port, "/logout", evil(visitor), form("_csrf", token)));

        assertThat(locations).hasSize(6).allSatisfy(location -> assertThat(location).doesNotContain(EVIL)
                .startsWith("/"));
    }

    @Test
    void noRedirectOfTheAdminAreaNamesTheForgedHost() {
        String staffEmail = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'ADMINISTRATOR', ?)")
                .params(staffEmail, "Staff", encoder.encode(Registrations.PASSWORD), Timestamp.from(Instant.now()))
                .update();
        redirect(RawHttp.get(port, "/admin", evil(null)));
        redirect(RawHttp.get(port, "/admin/users", evil(null)));

        Visitor failed = new Visitor(port);
        String token = failed.get("/admin/login").csrf();
        redirect(RawHttp.post(port, "/admin/login", evil(failed), form("email", staffEmail, "password", "wrong",
                "_csrf", token)));

        Visitor staff = new Visitor(port);
        token = staff.get("/admin/login").csrf();
        redirect(RawHttp.post(port, "/admin/login", evil(staff), form("email", staffEmail,
                "password", Registrations.PASSWORD, "_csrf", token)));
        staff = new Visitor(port);
        staff.get("/admin/login");
        staff.post("/admin/login", Map.of("email", staffEmail, "password", Registrations.PASSWORD));
        token = staff.get("/admin/staff/new").csrf();
        redirect(RawHttp.post(port, "/admin/staff", evil(staff), form("email", "new-" + staffEmail, "name", "New",
                "role", "SUPPORT", "_csrf", token)));
        redirect(RawHttp.post(port, "/admin/logout", evil(staff), form("_csrf", token)));

        assertThat(locations).hasSize(6).allSatisfy(location -> assertThat(location).doesNotContain(EVIL)
                .startsWith("/"));
    }

    private void redirect(RawHttp.Answer answer) {
        assertThat(answer.status()).as("a redirect, got " + answer.status() + " " + answer.headers()).isEqualTo(302);
        locations.add(answer.header("Location").orElseThrow());
    }

    /** The forged host, with the visitor's cookies when there is one. */
    private static Map<String, String> evil(Visitor visitor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", EVIL);
        if (visitor != null) {
            List<String> cookies = new ArrayList<>();
            for (String name : List.of("ROSTER_SESSION", "ROSTER_ADMIN_SESSION")) {
                if (visitor.cookie(name) != null) {
                    cookies.add(name + "=" + visitor.cookie(name));
                }
            }
            headers.put("Cookie", String.join("; ", cookies));
        }
        return headers;
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
