package app.roster.user.web;

import app.roster.shared.Language;
import app.roster.user.PasswordPolicy;
import app.roster.user.RegisterUser;
import app.roster.user.RegistrationLimit;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sign-up. Whether or not the address was free, the page answers the same ("check your inbox"): a
 * taken address's owner is told by email instead.
 */
@Controller
class RegistrationController {

    private final RegisterUser registerUser;
    private final PasswordPolicy policy;
    private final RegistrationLimit registrationLimit;

    RegistrationController(RegisterUser registerUser, PasswordPolicy policy, RegistrationLimit registrationLimit) {
        this.registerUser = registerUser;
        this.policy = policy;
        this.registrationLimit = registrationLimit;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "user/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Locale locale,
            Model model, HttpServletResponse response) {
        var email = EmailFields.parse(form.getEmail(), "email", errors);
        if (!errors.hasFieldErrors("password")) {
            policy.problem(form.getPassword(), form.getEmail(), form.getFirstName(), form.getLastName(),
                            form.getCompanyName())
                    .ifPresent(problem -> errors.rejectValue("password", problem,
                            new Object[] {policy.minLength(), policy.maxLength()}, null));
        }
        if (errors.hasErrors() || email.isEmpty()) {
            form.setPassword(null);
            return "user/register";
        }
        if (!registrationLimit.tryRegister()) {
            form.setPassword(null);
            model.addAttribute("tooMany", true);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "user/register";
        }
        registerUser.register(form.toRegistration(Language.closest(locale)));
        model.addAttribute("email", email.get().value());
        return "user/registered";
    }
}
