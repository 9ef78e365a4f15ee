package app.roster.staff.web;

import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffSignIn;
import app.roster.staff.StaffStanding;
import app.roster.staff.StaffTwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member's own two-factor: the code asked after the password, enrolment (forced on every page while
 * it is required and missing), and turning it off, which only the setting being off allows.
 */
@Controller
class StaffTwoFactorController {

    static final String CODE_PATH = "/admin/two-factor";
    static final String PENDING_SECRET = StaffTwoFactorController.class.getName() + ".SECRET";
    private static final int MAX_CODE_LENGTH = 64;

    private final StaffTwoFactor twoFactor;
    private final StaffTwoFactorStep step;
    private final StaffMembers staff;
    private final StaffSignIn signIn;

    StaffTwoFactorController(StaffTwoFactor twoFactor, StaffTwoFactorStep step, StaffMembers staff,
            StaffSignIn signIn) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.step = step;
        this.staff = staff;
    }

    @GetMapping(CODE_PATH)
    String codeForm(HttpServletRequest request, @AuthenticationPrincipal SignedInStaff signedIn) {
        if (step.pending(request).isPresent()) {
            return "admin/two-factor";
        }
        return signedIn != null ? "redirect:/admin" : "redirect:/admin/login";
    }

    @PostMapping(CODE_PATH)
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<SignedInStaff> pending = step.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/admin/login?expired";
        }
        if (!signIn.tryCode(pending.get().email())) {
            model.addAttribute("locked", true);
            return "admin/two-factor";
        }
        if (code.length() > MAX_CODE_LENGTH || !twoFactor.verify(pending.get().id(), code)) {
            step.countFailure(request, pending.get());
            model.addAttribute("invalid", true);
            return "admin/two-factor";
        }
        Optional<StaffStanding> standing = staff.standing(pending.get().id());
        if (standing.isEmpty()) {
            request.getSession().removeAttribute(StaffTwoFactorStep.PENDING);
            return "redirect:/admin/login?error";
        }
        step.finish(request, response, standing.get().principal());
        return "redirect:/admin";
    }

    @GetMapping(StaffStandingCheck.ENROL_PATH)
    String setup(@AuthenticationPrincipal SignedInStaff principal, HttpSession session, Model model) {
        if (twoFactor.enrolled(principal.id())) {
            model.addAttribute("required", twoFactor.required());
            return "admin/two-factor-status";
        }
        String secret = session.getAttribute(PENDING_SECRET) instanceof String s ? s : twoFactor.newSecret();
        session.setAttribute(PENDING_SECRET, secret);
        return enrolPage(principal, secret, model);
    }

    @PostMapping(StaffStandingCheck.ENROL_PATH)
    String enrol(@AuthenticationPrincipal SignedInStaff principal, @RequestParam(defaultValue = "") String code,
            HttpSession session, Model model, RedirectAttributes redirect) {
        if (twoFactor.enrolled(principal.id()) || !(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
            return "redirect:" + StaffStandingCheck.ENROL_PATH;
        }
        if (code.length() > MAX_CODE_LENGTH || !twoFactor.enrol(principal.id(), secret, code)) {
            model.addAttribute("codeError", "admin.twoFactor.code.invalid");
            return enrolPage(principal, secret, model);
        }
        session.removeAttribute(PENDING_SECRET);
        return "redirect:/admin";
    }

    @PostMapping("/admin/two-factor/disable")
    String turnOff(@AuthenticationPrincipal SignedInStaff principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute(twoFactor.turnOff(principal.id()) ? "turnedOff" : "stillRequired", true);
        return "redirect:" + StaffStandingCheck.ENROL_PATH;
    }

    private String enrolPage(SignedInStaff principal, String secret, Model model) {
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", twoFactor.qrCodeDataUri(secret, principal.email()));
        model.addAttribute("required", twoFactor.required());
        return "admin/two-factor-setup";
    }
}
