package app.roster.user.web;

import app.roster.user.ChangeEmail;
import app.roster.user.EmailVerification;
import app.roster.user.SignedInUser;
import app.roster.ratelimit.LinkLookups;
import app.roster.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emailed verification link. The first GET swaps the token for a session value and redirects to a
 * URL without it, so the token never stays in the address bar, the history or a Referer header.
 */
@Controller
class VerificationController {

    private static final String TOKEN = VerificationController.class.getName() + ".TOKEN";

    private final EmailVerification verification;
    private final ChangeEmail changeEmail;
    private final RateLimiter rateLimiter;
    private final LinkLookups linkLookups;

    VerificationController(EmailVerification verification, ChangeEmail changeEmail, RateLimiter rateLimiter,
            LinkLookups linkLookups) {
        this.verification = verification;
        this.changeEmail = changeEmail;
        this.rateLimiter = rateLimiter;
        this.linkLookups = linkLookups;
    }

    @GetMapping(path = "/verify-email", params = "token")
    String receive(@RequestParam String token, HttpSession session) {
        session.setAttribute(TOKEN, token);
        return "redirect:/verify-email";
    }

    /** Shows a confirm button: a mail scanner following the link must not verify anything. */
    @GetMapping("/verify-email")
    String confirm(HttpSession session, Model model) {
        model.addAttribute("hasToken", session.getAttribute(TOKEN) != null);
        return "user/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(HttpSession session, Model model) {
        Object token = session.getAttribute(TOKEN);
        session.removeAttribute(TOKEN);
        // The same link proves an address, or moves the login to a new one (sent to that address). An unknown
        // or tampered token counts against the IP's link budget; a used or expired one does not.
        boolean verified = token instanceof String raw && raw.length() <= 100 && linkLookups.lookUp(
                () -> verification.verify(raw) || changeEmail.confirm(raw), done -> !done && !verification.wasIssued(raw));
        model.addAttribute("verified", verified);
        return "user/verify-email-done";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        if (rateLimiter.tryAcquire("verify:user:" + user.id(), 5, Duration.ofHours(1))) {
            verification.send(user.id());
        }
        redirect.addFlashAttribute("verificationSent", true);
        return "redirect:/profile";
    }
}
