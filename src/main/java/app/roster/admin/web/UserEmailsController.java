package app.roster.admin.web;

import app.roster.shared.Actor;
import app.roster.user.EmailVerification;
import app.roster.user.PasswordReset;
import app.roster.user.User;
import app.roster.user.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Emails staff send again, Support included: a password reset link and the verification link. Audited. */
@Controller
class UserEmailsController {

    private final StaffUsers users;
    private final PasswordReset passwordReset;
    private final EmailVerification verification;

    UserEmailsController(StaffUsers users, PasswordReset passwordReset, EmailVerification verification) {
        this.users = users;
        this.passwordReset = passwordReset;
        this.verification = verification;
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String sendPasswordReset(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        passwordReset.sendLink(actor, user.id());
        redirect.addFlashAttribute("notice", "admin.user.resetSent");
        redirect.addFlashAttribute("noticeName", user.email().value());
        return StaffUsers.userPage(user);
    }

    @PostMapping("/admin/users/{id}/verification")
    String sendVerification(@PathVariable UserId id, Actor.Staff actor, RedirectAttributes redirect) {
        User user = users.user(id);
        boolean sent = verification.sendAgain(actor, user.id());
        redirect.addFlashAttribute("notice", sent ? "admin.user.verificationSent" : "admin.user.alreadyVerified");
        redirect.addFlashAttribute("noticeName", user.email().value());
        return StaffUsers.userPage(user);
    }
}
