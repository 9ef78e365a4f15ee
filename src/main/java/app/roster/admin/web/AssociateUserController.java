package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.admin.AssociateUser;
import app.roster.admin.AssociationRefused;
import app.roster.account.ClientDetails;
import app.roster.user.UserId;
import app.roster.user.UserSearch;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff "Associate User": search an existing user by name or email (a plain GET, paginated) and select
 * them, or type a new address; choose the permissions; Send Invite yes or no. Problems show next to the field.
 */
@Controller
class AssociateUserController {

    private static final String PATH = "/admin/clients/{id}/associate";
    private static final int MAX_QUERY_LENGTH = 200;

    private final StaffClients clients;
    private final UserSearch directory;
    private final AssociateUser associateUser;
    private final PermissionCatalogue catalogue;

    AssociateUserController(StaffClients clients, UserSearch directory, AssociateUser associateUser,
            PermissionCatalogue catalogue) {
        this.clients = clients;
        this.directory = directory;
        this.associateUser = associateUser;
        this.catalogue = catalogue;
    }

    @AdministratorsOnly
    @GetMapping(PATH)
    String form(@PathVariable AccountId id, @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String page, @RequestParam(required = false) UserId userId,
            Model model) {
        ClientDetails client = clients.activeClient(id);
        AssociateUserForm form = new AssociateUserForm();
        if (userId != null) {
            directory.find(userId.value()).ifPresent(user -> form.setUserId(user.id()));
        }
        String q = query == null ? "" : query.strip();
        q = q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
        model.addAttribute("q", q);
        model.addAttribute("found", directory.search(q, pageNumber(page)));
        model.addAttribute("form", form);
        return page(client, form, model);
    }

    @PostMapping(PATH)
    String associate(@PathVariable AccountId id, @ModelAttribute("form") AssociateUserForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInStaff staff, Model model,
            RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        if (form.existingUser() && directory.find(form.getUserId()).isEmpty()) {
            form.setUserId(null);
            binding.rejectValue("email", "admin.associate.error.noUser");
        }
        if (!form.existingUser()) {
            checkNewUser(form, binding);
        }
        if (binding.hasErrors()) {
            return page(client, form, model);
        }
        try {
            AssociateUser.Outcome outcome = associateUser.associate(clients.actorOf(staff), client.id(),
                    form.toAssociation(catalogue.everything(), catalogue.presets()));
            redirect.addFlashAttribute("notice", "admin.associate.done." + outcome.name());
            redirect.addFlashAttribute("noticeName", form.existingUser()
                    ? directory.find(form.getUserId()).map(u -> u.email()).orElse("")
                    : EmailAddress.of(form.getEmail()).value());
            return StaffClients.usersTab(client);
        } catch (AssociationRefused refused) {
            binding.rejectValue(form.existingUser() ? "userId" : "email", refused.messageKey(), refused.arguments(),
                    refused.messageKey());
            return page(client, form, model);
        } catch (PermissionCatalogue.UnknownPermission unknown) {
            binding.rejectValue("permissions", "admin.associate.error.unknownPermission");
            return page(client, form, model);
        }
    }

    private static void checkNewUser(AssociateUserForm form, BindingResult binding) {
        try {
            EmailAddress.of(form.getEmail());
        } catch (InvalidEmailAddressException | NullPointerException e) {
            binding.rejectValue("email", "admin.associate.error.email");
        }
        if (!form.invite()) {
            requireName(form.getFirstName(), "firstName", binding);
            requireName(form.getLastName(), "lastName", binding);
        }
    }

    private static void requireName(String value, String field, BindingResult binding) {
        if (value.isBlank() || value.strip().length() > AssociateUserForm.MAX_NAME
                || value.chars().anyMatch(Character::isISOControl)) {
            binding.rejectValue(field, "admin.associate.error.name");
        }
    }

    private String page(ClientDetails client, AssociateUserForm form, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("languages", Language.values());
        model.addAttribute("all", "all".equals(form.getScope()));
        model.addAttribute("scope", form.getScope());
        model.addAttribute("presets", StaffPermissionsForm.presets(catalogue));
        model.addAttribute("held", java.util.Set.copyOf(form.getPermissions()));
        model.addAttribute("selected", form.existingUser() ? directory.find(form.getUserId()).orElse(null) : null);
        if (!model.containsAttribute("q")) {
            model.addAttribute("q", "");
            model.addAttribute("found", directory.search("", 1));
        }
        return "admin/associate";
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
