package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.AccountProfileForm;
import app.roster.account.Accounts;
import app.roster.account.UpdateAccountProfile;
import app.roster.account.ClientDetails;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff edit an active client's details through the account module, which audits each changed field. */
@Controller
class ClientProfileController {

    private static final String PATH = "/admin/clients/{id}/profile/edit";

    private final StaffClients clients;
    private final Accounts accounts;
    private final UpdateAccountProfile updateProfile;

    ClientProfileController(StaffClients clients, Accounts accounts, UpdateAccountProfile updateProfile) {
        this.clients = clients;
        this.accounts = accounts;
        this.updateProfile = updateProfile;
    }

    @AdministratorsOnly
    @GetMapping(PATH)
    String form(@PathVariable AccountId id, Model model) {
        ClientDetails client = clients.activeClient(id);
        model.addAttribute("client", client);
        model.addAttribute("form", AccountProfileForm.of(
                accounts.findById(client.id()).orElseThrow(ClientNotFoundException::new).profile()));
        return "admin/client-profile-form";
    }

    @PostMapping(PATH)
    String save(@PathVariable AccountId id, @Valid @ModelAttribute("form") AccountProfileForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInStaff staff, Model model,
            RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        if (binding.hasErrors()) {
            model.addAttribute("client", client);
            return "admin/client-profile-form";
        }
        updateProfile.update(clients.actorOf(staff), client.id(), form.toProfile());
        redirect.addFlashAttribute("notice", "admin.profile.saved");
        redirect.addFlashAttribute("noticeName", form.toProfile().name());
        return StaffClients.clientPage(client);
    }
}
