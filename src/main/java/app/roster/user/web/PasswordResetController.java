package app.roster.user.web;

import app.roster.ratelimit.LinkLookups;
import app.roster.ratelimit.RateLimiter;
import app.roster.shared.ClientIp;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.user.PasswordPolicy;
import app.roster.user.PasswordReset;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgot password. Known and unknown addresses get the same page; only a known one gets an email. */
@Controller
class PasswordResetController {

    private static final String TOKEN = PasswordResetController.class.getName() + ".TOKEN";

    private final PasswordReset passwordReset;
    private final PasswordPolicy policy;
    private final RateLimiter rateLimiter;
    private final LinkLookups linkLookups;

    PasswordResetController(PasswordReset passwordReset, PasswordPolicy policy, RateLimiter rateLimiter,
            LinkLookups linkLookups) {
        this.passwordReset = passwordReset;
        this.policy = policy;
        this.rateLimiter = rateLimiter;
        this.linkLookups = linkLookups;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "user/password-forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        EmailAddress address;
        try {
            address = EmailAddress.of(email);
        } catch (InvalidEmailAddressException e) {
            model.addAttribute("email", email.length() > 254 ? "" : email);
            model.addAttribute("emailError", e.messageKey());
            return "user/password-forgot";
        }
        String ip = ClientIp.current().map(ClientIp::value).orElse("unknown");
        if (rateLimiter.tryAcquire("reset:email:" + address.value(), 3, Duration.ofHours(1))
                && rateLimiter.tryAcquire("reset:ip:" + ip, 20, Duration.ofHours(1))) {
            passwordReset.request(address);
        }
        return "user/password-forgot-sent";
    }

    @GetMapping(path = "/password/reset", params = "token")
    String receive(@RequestParam String token, HttpSession session) {
        session.setAttribute(TOKEN, token);
        return "redirect:/password/reset";
    }

    @GetMapping("/password/reset")
    String resetForm(HttpSession session, Model model) {
        if (!(session.getAttribute(TOKEN) instanceof String token) || !isValid(token)) {
            return "user/password-reset-invalid";
        }
        model.addAttribute("minLength", policy.minLength());
        return "user/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String password, HttpSession session, Model model) {
        if (!(session.getAttribute(TOKEN) instanceof String token) || !isValid(token)) {
            return "user/password-reset-invalid";
        }
        try {
            var problem = passwordReset.complete(token, password);
            if (problem.isPresent()) {
                model.addAttribute("passwordError", problem.get());
                model.addAttribute("minLength", policy.minLength());
                return "user/password-reset";
            }
        } catch (PasswordReset.InvalidTokenException e) {
            return "user/password-reset-invalid";
        }
        session.removeAttribute(TOKEN);
        return "redirect:/login?reset";
    }

    /** An unknown or tampered token counts against the IP's link budget; a used or expired one does not. */
    private boolean isValid(String token) {
        return token.length() <= 100 && linkLookups.lookUp(() -> passwordReset.isValid(token),
                valid -> !valid && !passwordReset.wasIssued(token));
    }
}
