package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.admin.DeleteClient;
import app.roster.membership.UserDirectory;
import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delete a client account (any status), Administrators only: the confirmation names the account and lists
 * its users who belong to no other account, who go too only when the box is ticked.
 */
@Controller
class DeleteClientController {

    private static final String DELETE = "/admin/clients/{id}/delete";

    private final ClientDirectory clients;
    private final UserDirectory users;
    private final DeleteClient deleteClient;

    DeleteClientController(ClientDirectory clients, UserDirectory users, DeleteClient deleteClient) {
        this.clients = clients;
        this.users = users;
        this.deleteClient = deleteClient;
    }

    @GetMapping(DELETE)
    @AdministratorsOnly
    String confirm(@PathVariable AccountId id, Model model) {
        ClientDetails client = client(id);
        model.addAttribute("client", client);
        model.addAttribute("loneUsers", users.usersOnlyIn(client.id()));
        return "admin/client-delete";
    }

    @PostMapping(DELETE)
    String delete(@PathVariable AccountId id, @RequestParam(name = "deleteUsers", defaultValue = "false") String deleteUsers,
            Actor.Staff actor, RedirectAttributes redirect) {
        ClientDetails client = client(id);
        int deleted = deleteClient.delete(actor, client.id(), "true".equals(deleteUsers));
        redirect.addFlashAttribute("deletedClient", client.name());
        redirect.addFlashAttribute("deletedUsers", deleted);
        return "redirect:/admin";
    }

    private ClientDetails client(AccountId id) {
        return clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
    }
}
