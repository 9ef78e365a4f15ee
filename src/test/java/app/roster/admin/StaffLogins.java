package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Visitor;
import java.util.Map;

/** Logs staff in through the real Admin Area form (password only, as the tests run by default). */
final class StaffLogins {

    private StaffLogins() {
    }

    static Visitor loggedIn(int port, String email, String password) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", password)).location())
                .as("staff login of " + email).endsWith("/admin");
        staff.get("/admin");
        return staff;
    }
}
