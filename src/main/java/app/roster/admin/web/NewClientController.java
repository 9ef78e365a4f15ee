package app.roster.admin.web;

import app.roster.admin.AddClient;
import app.roster.admin.AssociationRefused;
import app.roster.shared.Actor;
import app.roster.user.UserId;
import app.roster.user.UserSearch;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import app.roster.staff.AdministratorsOnly;
import app.roster.user.CreateUserByStaff;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff "Add New Client": the account's details and its owner, an existing user found by name or email (the
 * search "Associate User" uses: a plain GET, live with htmx) or a new user by email and name, who is emailed a
 * link to set their password. Every problem shows next to its field.
 */
@Controller
class NewClientController {

    private static final String PATH = "/admin/clients/new";

    private final UserSearch directory;
    private final AddClient addClient;

    NewClientController(UserSearch directory, AddClient addClient) {
        this.directory = directory;
        this.addClient = addClient;
    }

    @AdministratorsOnly
    @GetMapping(PATH)
    String form(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String page, @RequestParam(required = false) UserId userId,
            Model model) {
        NewClientForm form = new NewClientForm();
        if (userId != null) {
            directory.find(userId.value()).ifPresent(user -> form.setUserId(user.id()));
        }
        String q = ClientsController.query(query);
        model.addAttribute("q", q);
        model.addAttribute("found", directory.search(q, ClientsController.pageNumber(page)));
        model.addAttribute("form", form);
        return page(form, model);
    }

    @PostMapping(PATH)
    String add(@Valid @ModelAttribute("form") NewClientForm form, BindingResult binding, Actor.Staff actor,
            Model model, RedirectAttributes redirect) {
        if (binding.hasFieldErrors("userId") || form.existingOwner() && directory.find(form.getUserId()).isEmpty()) {
            form.setUserId(null);
            binding.rejectValue("email", "admin.associate.error.noUser");
        } else if (!form.existingOwner()) {
            checkNewOwner(form, binding);
        }
        if (binding.hasErrors()) {
            return page(form, model);
        }
        try {
            long id = addClient.add(actor, form.toProfile(), form.toOwner());
            redirect.addFlashAttribute("notice", "admin.newClient.done");
            redirect.addFlashAttribute("noticeName", form.toProfile().name());
            return "redirect:/admin/clients/" + id;
        } catch (AssociationRefused refused) {
            form.setUserId(null);
            binding.rejectValue("email", refused.messageKey());
        } catch (CreateUserByStaff.EmailTaken taken) {
            binding.rejectValue("email", "admin.newClient.error.taken");
        }
        return page(form, model);
    }

    private static void checkNewOwner(NewClientForm form, BindingResult binding) {
        if (form.getEmail().isBlank()) {
            binding.rejectValue("email", "admin.newClient.error.noOwner");
            return;
        }
        try {
            EmailAddress.of(form.getEmail());
        } catch (InvalidEmailAddressException | NullPointerException e) {
            binding.rejectValue("email", "admin.associate.error.email");
        }
        requireName(form.getFirstName(), "firstName", binding);
        requireName(form.getLastName(), "lastName", binding);
    }

    private static void requireName(String value, String field, BindingResult binding) {
        if (value.isBlank() || value.strip().length() > NewClientForm.MAX_NAME
                || value.chars().anyMatch(Character::isISOControl)) {
            binding.rejectValue(field, "admin.associate.error.name");
        }
    }

    private String page(NewClientForm form, Model model) {
        model.addAttribute("languages", Language.values());
        model.addAttribute("selected", form.existingOwner() ? directory.find(form.getUserId()).orElse(null) : null);
        if (!model.containsAttribute("q")) {
            model.addAttribute("q", "");
            model.addAttribute("found", directory.search("", 1));
        }
        return "admin/new-client";
    }
}
