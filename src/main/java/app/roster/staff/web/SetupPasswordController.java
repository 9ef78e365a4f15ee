package app.roster.staff.web;

import app.roster.staff.SetStaffPassword;
import app.roster.staff.SetStaffPassword.Outcome;
import app.roster.ratelimit.LinkLookups;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The set-password link of a staff member. The first GET moves the token into the session and redirects
 * to a URL without it, so it leaves the address bar, the history and any Referer. Only the POST spends it.
 */
@Controller
class SetupPasswordController {

    static final String TOKEN_ATTRIBUTE = "roster.admin.setupToken";

    private final SetStaffPassword setPassword;
    private final LinkLookups linkLookups;

    SetupPasswordController(SetStaffPassword setPassword, LinkLookups linkLookups) {
        this.setPassword = setPassword;
        this.linkLookups = linkLookups;
    }

    @GetMapping(path = "/admin/setup-password", params = "token")
    String openLink(@RequestParam String token, HttpSession session) {
        session.setAttribute(TOKEN_ATTRIBUTE, token);
        return "redirect:/admin/setup-password";
    }

    @GetMapping("/admin/setup-password")
    String form(HttpSession session) {
        return isUsable(token(session)) ? "admin/setup-password" : "admin/setup-password-invalid";
    }

    @PostMapping("/admin/setup-password")
    String submit(SetupPasswordForm form, HttpSession session, Model model) {
        if (!isUsable(token(session))) {
            session.removeAttribute(TOKEN_ATTRIBUTE);
            return "admin/setup-password-invalid";
        }
        Outcome outcome = setPassword.set(token(session), form.password(), form.confirmation());
        return switch (outcome) {
            case Outcome.Done done -> {
                session.removeAttribute(TOKEN_ATTRIBUTE);
                yield "redirect:/admin/login?passwordSet";
            }
            case Outcome.Rejected rejected -> {
                model.addAttribute("errorField", rejected.field());
                model.addAttribute("errorKey", rejected.messageKey());
                yield "admin/setup-password";
            }
            case Outcome.LinkInvalid invalid -> {
                session.removeAttribute(TOKEN_ATTRIBUTE);
                yield "admin/setup-password-invalid";
            }
        };
    }

    /** An unknown or tampered token counts against the IP's link budget; a used or expired one does not. */
    private boolean isUsable(String token) {
        return token != null && linkLookups.lookUp(() -> setPassword.isUsable(token),
                usable -> !usable && !setPassword.wasIssued(token));
    }

    private static String token(HttpSession session) {
        return session.getAttribute(TOKEN_ATTRIBUTE) instanceof String token ? token : null;
    }
}
