package app.roster.staff.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login page; Spring Security handles the POST and the logout. */
@Controller
class AdminLoginController {

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }
}
