package app.roster.user.web;

import app.roster.user.ReturnAfterLogin;
import app.roster.user.SignIn;
import app.roster.user.TwoFactor;
import app.roster.user.TwoFactorLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page (Spring Security handles its POST) and the two-factor step after it. */
@Controller
class LoginController {

    private final TwoFactorLogin twoFactorLogin;
    private final TwoFactor twoFactor;
    private final SignIn signIn;
    private final ReturnAfterLogin returnAfterLogin;

    LoginController(TwoFactorLogin twoFactorLogin, TwoFactor twoFactor, SignIn signIn,
            ReturnAfterLogin returnAfterLogin) {
        this.twoFactorLogin = twoFactorLogin;
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.returnAfterLogin = returnAfterLogin;
    }

    @GetMapping("/login")
    String login() {
        return "user/login";
    }

    @GetMapping("/login/two-factor")
    String twoFactorForm(HttpServletRequest request) {
        return twoFactorLogin.pending(request).isPresent() ? "user/login-two-factor" : "redirect:/login";
    }

    @PostMapping("/login/two-factor")
    String twoFactor(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var pending = twoFactorLogin.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        if (!signIn.tryCode(pending.get().email())) {
            model.addAttribute("locked", true);
            return "user/login-two-factor";
        }
        if (code.length() > 64 || !twoFactor.verifyAtLogin(pending.get().id(), code)) {
            twoFactorLogin.countFailure(request);
            signIn.failed(request, pending.get().email(), "two_factor");
            model.addAttribute("invalid", true);
            return "user/login-two-factor";
        }
        twoFactorLogin.finish(request);
        signIn.complete(request, response, pending.get(), true);
        return "redirect:" + returnAfterLogin.next(request, response, pending.get());
    }
}
