package app.roster.admin.web;

import app.roster.staff.AdminSettings;
import app.roster.contact.ContactSettings;
import app.roster.invitation.InvitationSettings;
import app.roster.mail.EmailLog;
import app.roster.ratelimit.LoginSettings;
import app.roster.user.UserSettings;
import app.roster.web.WebSettings;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The effective configuration, read-only, from the modules' typed settings. It shows no secret: no SMTP
 * password, no database password, no encryption key — those are never read here.
 */
@Controller
class SettingsController {

    private final WebSettings web;
    private final InvitationSettings invitations;
    private final UserSettings users;
    private final LoginSettings login;
    private final ContactSettings contacts;
    private final EmailLog emails;
    private final AdminSettings admin;
    private final Environment environment;

    SettingsController(WebSettings web, InvitationSettings invitations, UserSettings users, LoginSettings login,
            ContactSettings contacts, EmailLog emails, AdminSettings admin, Environment environment) {
        this.web = web;
        this.invitations = invitations;
        this.users = users;
        this.login = login;
        this.contacts = contacts;
        this.emails = emails;
        this.admin = admin;
        this.environment = environment;
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        model.addAttribute("web", web);
        model.addAttribute("invitations", invitations);
        model.addAttribute("users", users);
        model.addAttribute("login", login);
        model.addAttribute("contacts", contacts);
        model.addAttribute("mail", emails.overview());
        model.addAttribute("sessionIdle", environment.getProperty("spring.session.timeout", Duration.class,
                Duration.ofMinutes(30)));
        model.addAttribute("setPasswordValidity", environment.getProperty("roster.tokens.set-password-validity",
                Duration.class, Duration.ofHours(72)));
        model.addAttribute("staffTwoFactor", admin.requireTwoFactor());
        model.addAttribute("durations", new DurationText());
        return "admin/settings";
    }
}
