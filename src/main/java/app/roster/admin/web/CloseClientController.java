package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.CloseAccount;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.shared.Actor;
import app.roster.staff.AdministratorsOnly;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Close a client (its users lose access on their next request) or reopen it, each after a confirmation page.
 * Closing a closed client, or reopening an active one, just goes back to its page.
 */
@Controller
class CloseClientController {

    private static final String CLOSE = "/admin/clients/{id}/close";
    private static final String REOPEN = "/admin/clients/{id}/reopen";

    private final ClientDirectory clients;
    private final CloseAccount closeAccount;

    CloseClientController(ClientDirectory clients, CloseAccount closeAccount) {
        this.clients = clients;
        this.closeAccount = closeAccount;
    }

    @AdministratorsOnly
    @GetMapping(CLOSE)
    String confirmClose(@PathVariable AccountId id, Model model) {
        return confirm(client(id), true, model);
    }

    @AdministratorsOnly
    @GetMapping(REOPEN)
    String confirmReopen(@PathVariable AccountId id, Model model) {
        return confirm(client(id), false, model);
    }

    @PostMapping(CLOSE)
    String close(@PathVariable AccountId id, Actor.Staff actor, RedirectAttributes redirect) {
        ClientDetails client = client(id);
        if (closeAccount.close(actor, client.id())) {
            redirect.addFlashAttribute("notice", "admin.close.done");
            redirect.addFlashAttribute("noticeName", client.name());
        }
        return StaffClients.clientPage(client);
    }

    @PostMapping(REOPEN)
    String reopen(@PathVariable AccountId id, Actor.Staff actor, RedirectAttributes redirect) {
        ClientDetails client = client(id);
        if (closeAccount.reopen(actor, client.id())) {
            redirect.addFlashAttribute("notice", "admin.reopen.done");
            redirect.addFlashAttribute("noticeName", client.name());
        }
        return StaffClients.clientPage(client);
    }

    private String confirm(ClientDetails client, boolean closing, Model model) {
        if (client.active() != closing) {
            return StaffClients.clientPage(client);
        }
        model.addAttribute("client", client);
        model.addAttribute("closing", closing);
        return "admin/close-client";
    }

    private ClientDetails client(AccountId id) {
        return clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
    }
}
