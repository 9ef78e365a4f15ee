package app.roster.user.web;

import app.roster.shared.Language;
import app.roster.user.ChangeEmail;
import app.roster.user.ChangePassword;
import app.roster.user.PasswordPolicy;
import app.roster.user.SignedInUser;
import app.roster.user.UpdateProfile;
import app.roster.user.User;
import app.roster.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My profile: name and language, login address, password. */
@Controller
class ProfileController {

    private final Users users;
    private final UpdateProfile updateProfile;
    private final ChangeEmail changeEmail;
    private final ChangePassword changePassword;
    private final PasswordPolicy policy;
    private final LocaleResolver localeResolver;

    ProfileController(Users users, UpdateProfile updateProfile, ChangeEmail changeEmail,
            ChangePassword changePassword, PasswordPolicy policy, LocaleResolver localeResolver) {
        this.users = users;
        this.updateProfile = updateProfile;
        this.changeEmail = changeEmail;
        this.changePassword = changePassword;
        this.policy = policy;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/profile")
    String show(@AuthenticationPrincipal SignedInUser principal, Model model) {
        User user = users.findById(principal.id()).orElseThrow();
        ProfileForm form = new ProfileForm();
        form.setFirstName(user.firstName());
        form.setLastName(user.lastName());
        form.setLanguage(user.language().code());
        model.addAttribute("form", form);
        return page(user, model);
    }

    @PostMapping("/profile")
    String update(@AuthenticationPrincipal SignedInUser principal, @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        User user = users.findById(principal.id()).orElseThrow();
        if (errors.hasErrors()) {
            return page(user, model);
        }
        Language language = Language.fromCode(form.getLanguage()).orElse(Language.EN);
        updateProfile.update(principal.actor(), user.id(), form.getFirstName().strip(), form.getLastName().strip(),
                language);
        localeResolver.setLocale(request, response, language.locale());
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/email")
    String changeEmail(@AuthenticationPrincipal SignedInUser principal,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String currentPassword,
            Model model, RedirectAttributes redirect) {
        User user = users.findById(principal.id()).orElseThrow();
        var parsed = EmailParsing.parse(email);
        if (parsed.isEmpty()) {
            model.addAttribute("emailError", "email.invalid");
            model.addAttribute("newEmail", email.length() > 254 ? "" : email);
            return pageWithProfileForm(user, model);
        }
        var problem = changeEmail.change(user.id(), currentPassword, parsed.get());
        if (problem.isPresent()) {
            model.addAttribute(problem.get().field() + "EmailError", problem.get().messageKey());
            model.addAttribute("emailErrorArguments", problem.get().arguments());
            model.addAttribute("newEmail", email);
            return pageWithProfileForm(user, model);
        }
        redirect.addFlashAttribute("notice", "profile.email.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal SignedInUser principal,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        User user = users.findById(principal.id()).orElseThrow();
        var problem = changePassword.change(user.id(), currentPassword, newPassword, request.getSession().getId());
        if (problem.isPresent()) {
            model.addAttribute(problem.get().field() + "Error", problem.get().messageKey());
            return pageWithProfileForm(user, model);
        }
        // Other sessions are gone; this one gets a new id, so an id seen before the change is worth nothing.
        request.changeSessionId();
        redirect.addFlashAttribute("notice", "profile.password.saved");
        return "redirect:/profile";
    }

    private String pageWithProfileForm(User user, Model model) {
        ProfileForm form = new ProfileForm();
        form.setFirstName(user.firstName());
        form.setLastName(user.lastName());
        form.setLanguage(user.language().code());
        model.addAttribute("form", form);
        return page(user, model);
    }

    private String page(User user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("pendingEmail", changeEmail.pending(user.id()).orElse(null));
        model.addAttribute("languages", Language.values());
        model.addAttribute("minLength", policy.minLength());
        return "user/profile";
    }
}
