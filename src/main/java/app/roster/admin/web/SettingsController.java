package app.roster.admin.web;

import app.roster.contact.ContactSettings;
import app.roster.invitation.InvitationSettings;
import app.roster.mail.MailSettings;
import app.roster.mail.Outbox;
import app.roster.ratelimit.LoginSettings;
import app.roster.user.UserSettings;
import app.roster.web.WebSettings;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The effective configuration, read-only, from the modules' typed settings. It shows no secret: no SMTP
 * password, no database password, no encryption key — those are never read here.
 */
@Controller
class SettingsController {

    /** The SMTP connection as configured; {@code configured} is false when mail stays in the dev mailbox. */
    record MailServer(boolean configured, String host, int port, boolean startTls, boolean ssl) {
    }

    private final WebSettings web;
    private final InvitationSettings invitations;
    private final UserSettings users;
    private final LoginSettings login;
    private final ContactSettings contacts;
    private final MailSettings mail;
    private final Outbox outbox;
    private final Environment environment;

    SettingsController(WebSettings web, InvitationSettings invitations, UserSettings users, LoginSettings login,
            ContactSettings contacts, MailSettings mail, Outbox outbox, Environment environment) {
        this.web = web;
        this.invitations = invitations;
        this.users = users;
        this.login = login;
        this.contacts = contacts;
        this.mail = mail;
        this.outbox = outbox;
        this.environment = environment;
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        model.addAttribute("web", web);
        model.addAttribute("invitations", invitations);
        model.addAttribute("users", users);
        model.addAttribute("login", login);
        model.addAttribute("contacts", contacts);
        model.addAttribute("mail", mail);
        model.addAttribute("sessionIdle", environment.getProperty("spring.session.timeout", Duration.class,
                Duration.ofMinutes(30)));
        model.addAttribute("setPasswordValidity", environment.getProperty("roster.tokens.set-password-validity",
                Duration.class, Duration.ofHours(72)));
        model.addAttribute("staffTwoFactor", environment.getProperty("roster.admin.require-two-factor",
                Boolean.class, true));
        model.addAttribute("server", mailServer());
        model.addAttribute("status", outbox.status());
        model.addAttribute("durations", new DurationText());
        return "admin/settings";
    }

    private MailServer mailServer() {
        String host = environment.getProperty("spring.mail.host");
        return new MailServer(StringUtils.hasText(host), host,
                environment.getProperty("spring.mail.port", Integer.class, 25),
                environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable", Boolean.class, false),
                environment.getProperty("spring.mail.properties.mail.smtp.ssl.enable", Boolean.class, false));
    }
}
