package app.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff members for the Admin Area's tests: a row in the staff table with a unique address, and a login through
 * the real form (password only, as the tests run by default). A bean of every {@link IntegrationTest}.
 */
public final class StaffMembers {

    public static final String PASSWORD = "amber falcon river slate";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    StaffMembers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A staff member of this role ("ADMINISTRATOR", "SUPPORT") with {@link #PASSWORD}; answers the address. */
    public String add(String name, String role) {
        String email = name + "-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(email, "Staff " + role, encoder.encode(PASSWORD), role, Timestamp.from(Instant.now()))
                .update();
        return email;
    }

    /** Logs in with {@link #PASSWORD}. */
    public static Visitor loggedIn(int port, String email) {
        return loggedIn(port, email, PASSWORD);
    }

    public static Visitor loggedIn(int port, String email, String password) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", password)).location())
                .as("staff login of " + email).endsWith("/admin");
        staff.get("/admin");
        return staff;
    }
}
