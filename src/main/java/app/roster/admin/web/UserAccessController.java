package app.roster.admin.web;

import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import app.roster.user.DisableUser;
import app.roster.user.EndSessions;
import app.roster.user.TwoFactor;
import app.roster.user.User;
import app.roster.user.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's access, Administrators only: disable (ending every session at once) and enable, end all
 * sessions, and turn two-factor off (staff never turn it on). Disabling and two-factor off ask first.
 */
@Controller
class UserAccessController {

    private static final String USER = "/admin/users/{id}";

    private final StaffUsers users;
    private final DisableUser disableUser;
    private final EndSessions endSessions;
    private final TwoFactor twoFactor;

    UserAccessController(StaffUsers users, DisableUser disableUser, EndSessions endSessions, TwoFactor twoFactor) {
        this.users = users;
        this.disableUser = disableUser;
        this.endSessions = endSessions;
        this.twoFactor = twoFactor;
    }

    @GetMapping(USER + "/disable")
    @AdministratorsOnly
    String confirmDisable(@PathVariable UserId id, Model model) {
        User user = users.user(id);
        if (user.disabled()) {
            return StaffUsers.userPage(user);
        }
        return confirmation(user, "admin.userDisable", "/admin/users/" + user.id() + "/disable", model);
    }

    @PostMapping(USER + "/disable")
    String disable(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        disableUser.disable(actor, user.id());
        return done(user, "admin.user.disabledNotice", redirect);
    }

    @PostMapping(USER + "/enable")
    String enable(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        disableUser.enable(actor, user.id());
        return done(user, "admin.user.enabledNotice", redirect);
    }

    @PostMapping(USER + "/sessions/end")
    String endSessions(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        endSessions.endAll(actor, user.id());
        return done(user, "admin.user.sessionsEnded", redirect);
    }

    @GetMapping(USER + "/two-factor/disable")
    @AdministratorsOnly
    String confirmTwoFactorOff(@PathVariable UserId id, Model model) {
        User user = users.user(id);
        if (!user.twoFactorEnabled()) {
            return StaffUsers.userPage(user);
        }
        return confirmation(user, "admin.userTwoFactorOff", "/admin/users/" + user.id() + "/two-factor/disable",
                model);
    }

    @PostMapping(USER + "/two-factor/disable")
    String twoFactorOff(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        if (user.twoFactorEnabled()) {
            twoFactor.disable(actor, user.id());
        }
        return done(user, "admin.user.twoFactorOff", redirect);
    }

    static String confirmation(User user, String messages, String action, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("messages", messages);
        model.addAttribute("action", action);
        return "admin/user-confirm";
    }

    private static String done(User user, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeName", user.fullName());
        return StaffUsers.userPage(user);
    }
}
