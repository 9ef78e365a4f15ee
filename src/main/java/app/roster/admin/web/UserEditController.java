package app.roster.admin.web;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import app.roster.staff.AdministratorsOnly;
import app.roster.user.ChangeEmail;
import app.roster.user.FieldProblem;
import app.roster.user.UpdateProfile;
import app.roster.user.User;
import app.roster.user.UserId;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff edit a user's name, email and language through the user's own use cases: a new address must be
 * verified again and the old one is told; a taken address is refused without saying whose. Both changes
 * commit together or not at all.
 */
@Controller
class UserEditController {

    private static final String EDIT = "/admin/users/{id}/edit";

    private final StaffUsers users;
    private final UpdateProfile updateProfile;
    private final ChangeEmail changeEmail;
    private final TransactionTemplate transaction;

    UserEditController(StaffUsers users, UpdateProfile updateProfile, ChangeEmail changeEmail,
            TransactionTemplate transaction) {
        this.users = users;
        this.updateProfile = updateProfile;
        this.changeEmail = changeEmail;
        this.transaction = transaction;
    }

    @GetMapping(EDIT)
    @AdministratorsOnly
    String form(@PathVariable UserId id, Model model) {
        User user = users.user(id);
        model.addAttribute("form", UserEditForm.of(user));
        return page(user, model);
    }

    @PostMapping(EDIT)
    String save(@PathVariable UserId id, @Valid @ModelAttribute("form") UserEditForm form, BindingResult errors,
            Actor.Staff actor, Model model, RedirectAttributes redirect) {
        User user = users.user(id);
        EmailAddress email = null;
        if (!errors.hasFieldErrors("email")) {
            try {
                email = EmailAddress.of(form.getEmail());
            } catch (InvalidEmailAddressException invalid) {
                errors.rejectValue("email", invalid.messageKey());
            }
        }
        if (errors.hasErrors()) {
            return page(user, model);
        }
        try {
            save(actor, user, form, email);
        } catch (FieldProblem problem) {
            errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), null);
            return page(user, model);
        }
        redirect.addFlashAttribute("notice", "admin.user.saved");
        return StaffUsers.userPage(user);
    }

    /** Both changes or neither: a refused address rolls the name back too. */
    private void save(Actor actor, User user, UserEditForm form, EmailAddress email) {
        try {
            transaction.executeWithoutResult(status -> {
                changeEmail.set(actor, user.id(), email);
                updateProfile.update(actor, user.id(), form.getFirstName().strip(), form.getLastName().strip(),
                        form.chosenLanguage());
            });
        } catch (DuplicateKeyException taken) {
            throw new FieldProblem("email", "email.taken");
        }
    }

    private static String page(User user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("languages", Language.values());
        return "admin/user-edit";
    }
}
