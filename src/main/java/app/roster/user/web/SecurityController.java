package app.roster.user.web;

import app.roster.audit.AuditTrail;
import app.roster.user.CurrentPassword;
import app.roster.user.SignedInUser;
import app.roster.user.TwoFactor;
import app.roster.user.User;
import app.roster.user.UserSessions;
import app.roster.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Security: two-factor authentication, my active sessions, my recent security events. */
@Controller
class SecurityController {

    private static final String PENDING_SECRET = SecurityController.class.getName() + ".SECRET";
    private static final int RECENT_EVENTS = 20;

    private final Users users;
    private final TwoFactor twoFactor;
    private final UserSessions sessions;
    private final AuditTrail auditTrail;
    private final CurrentPassword currentPasswords;
    private final DeviceNames devices;

    SecurityController(Users users, TwoFactor twoFactor, UserSessions sessions, AuditTrail auditTrail,
            CurrentPassword currentPasswords, DeviceNames devices) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.auditTrail = auditTrail;
        this.currentPasswords = currentPasswords;
        this.devices = devices;
    }

    @GetMapping("/profile/security")
    String show(@AuthenticationPrincipal SignedInUser principal, HttpServletRequest request, Model model) {
        User user = users.findById(principal.id()).orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("recoveryCodesLeft", user.twoFactorEnabled() ? twoFactor.remainingRecoveryCodes(user.id()) : 0);
        model.addAttribute("sessions", sessions.list(user.id(), request.getSession().getId()));
        model.addAttribute("devices", devices);
        model.addAttribute("events", auditTrail.forUser(user.id(), RECENT_EVENTS));
        return "user/security";
    }

    @GetMapping("/profile/two-factor")
    String enrolForm(@AuthenticationPrincipal SignedInUser principal, HttpSession session, Model model) {
        User user = users.findById(principal.id()).orElseThrow();
        if (user.twoFactorEnabled()) {
            return "redirect:/profile/security";
        }
        String secret = session.getAttribute(PENDING_SECRET) instanceof String s ? s : twoFactor.newSecret();
        session.setAttribute(PENDING_SECRET, secret);
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", twoFactor.qrCodeDataUri(secret, user.email().value()));
        return "user/two-factor-enrol";
    }

    @PostMapping("/profile/two-factor")
    String enrol(@AuthenticationPrincipal SignedInUser principal, @RequestParam(defaultValue = "") String code,
            HttpSession session, Model model) {
        if (!(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
            return "redirect:/profile/two-factor";
        }
        User user = users.findById(principal.id()).orElseThrow();
        if (!twoFactor.isValidCode(secret, code)) {
            model.addAttribute("secret", secret);
            model.addAttribute("qrCode", twoFactor.qrCodeDataUri(secret, user.email().value()));
            model.addAttribute("codeError", "twoFactor.code.invalid");
            return "user/two-factor-enrol";
        }
        session.removeAttribute(PENDING_SECRET);
        model.addAttribute("recoveryCodes", twoFactor.enable(user.id(), secret));
        return "user/two-factor-enabled";
    }

    @PostMapping("/profile/two-factor/disable")
    String disable(@AuthenticationPrincipal SignedInUser principal,
            @RequestParam(defaultValue = "") String currentPassword, RedirectAttributes redirect) {
        User user = users.findById(principal.id()).orElseThrow();
        CurrentPassword.Check check = currentPasswords.check(user.id(), currentPassword);
        if (check != CurrentPassword.Check.RIGHT) {
            redirect.addFlashAttribute("disableError", check.problem());
            return "redirect:/profile/security";
        }
        twoFactor.disable(principal.actor(), user.id());
        redirect.addFlashAttribute("notice", "twoFactor.disabled");
        return "redirect:/profile/security";
    }

    @PostMapping("/profile/sessions/end")
    String endSession(@AuthenticationPrincipal SignedInUser principal, @RequestParam String sessionId,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (sessionId.equals(request.getSession().getId())) {
            return "redirect:/profile/security";
        }
        if (sessions.end(principal.id(), sessionId)) {
            redirect.addFlashAttribute("notice", "sessions.ended");
        }
        return "redirect:/profile/security";
    }
}
