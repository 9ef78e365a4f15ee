package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Visitor;
import java.util.Map;

/** A visitor logged in to the Admin Area through its login form. */
final class StaffLogin {

    private StaffLogin() {
    }

    static Visitor as(int port, String email, String password) {
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", email, "password", password)).location())
                .endsWith("/admin");
        return staff;
    }
}
