package app.roster.invitation.web;

import app.roster.invitation.AcceptInvitation;
import app.roster.invitation.InvitationView;
import app.roster.ratelimit.LinkLookups;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import app.roster.user.PasswordPolicy;
import app.roster.user.RegisterUser;
import app.roster.user.RegistrationLimit;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing up on the accept page, with any address. It answers the same whether or not the address was
 * free (the owner of a taken one is told by email), never logs anyone in, and opens no client account:
 * the new user verifies their address, logs in on the same page and accepts.
 */
@Controller
class AcceptRegistrationController {

    private final AcceptInvitation acceptInvitation;
    private final RegisterUser registerUser;
    private final PasswordPolicy policy;
    private final RegistrationLimit registrationLimit;
    private final LinkLookups linkLookups;

    AcceptRegistrationController(AcceptInvitation acceptInvitation, RegisterUser registerUser, PasswordPolicy policy,
            RegistrationLimit registrationLimit, LinkLookups linkLookups) {
        this.linkLookups = linkLookups;
        this.acceptInvitation = acceptInvitation;
        this.registerUser = registerUser;
        this.policy = policy;
        this.registrationLimit = registrationLimit;
    }

    @PostMapping(AcceptInvitationController.PAGE + "/register")
    String register(@Valid @ModelAttribute("registration") AcceptRegistrationForm form, BindingResult errors,
            HttpSession session, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<InvitationView> view = AcceptSessionToken.of(session)
                .flatMap(token -> linkLookups.lookUp(() -> acceptInvitation.view(token), Optional::isEmpty));
        if (view.isEmpty() || !view.get().open()) {
            // The page itself says why (not valid, expired, cancelled...).
            return "redirect:" + AcceptInvitationController.PAGE;
        }
        Optional<EmailAddress> email = parse(form.getEmail(), errors);
        if (!errors.hasFieldErrors("password")) {
            policy.problem(form.getPassword(), form.getEmail(), form.getFirstName(), form.getLastName(),
                    view.get().accountName()).ifPresent(problem -> errors.rejectValue("password", problem,
                            new Object[] {policy.minLength(), policy.maxLength()}, null));
        }
        if (errors.hasErrors() || email.isEmpty()) {
            form.setPassword(null);
            model.addAttribute("invitation", view.get());
            return "invitation/accept";
        }
        if (!registrationLimit.tryRegister()) {
            form.setPassword(null);
            model.addAttribute("invitation", view.get());
            model.addAttribute("tooMany", true);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "invitation/accept";
        }
        registerUser.register(form.toRegistration(email.get(), Language.closest(locale)));
        redirect.addFlashAttribute("registeredEmail", email.get().value());
        return "redirect:" + AcceptInvitationController.PAGE;
    }

    private static Optional<EmailAddress> parse(String raw, BindingResult errors) {
        if (errors.hasFieldErrors("email")) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.of(raw));
        } catch (InvalidEmailAddressException e) {
            errors.rejectValue("email", e.messageKey());
            return Optional.empty();
        }
    }
}
