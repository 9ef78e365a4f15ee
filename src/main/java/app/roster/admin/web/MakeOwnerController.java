package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.membership.ClientUser;
import app.roster.membership.ClientUsers;
import app.roster.membership.TransferOwnership;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import app.roster.user.UserId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff "Make Owner": a confirmation page, then the transfer (audited with the staff member as actor,
 * because the Admin Area principal is an {@code Actor.Principal}). The former owner stays, with every permission.
 */
@Controller
class MakeOwnerController {

    private static final String PATH = "/admin/clients/{id}/users/{userId}/make-owner";

    private final ClientDirectory clients;
    private final ClientUsers users;
    private final TransferOwnership transferOwnership;
    private final StaffClients staffClients;

    MakeOwnerController(ClientDirectory clients, ClientUsers users, TransferOwnership transferOwnership,
            StaffClients staffClients) {
        this.clients = clients;
        this.users = users;
        this.transferOwnership = transferOwnership;
        this.staffClients = staffClients;
    }

    @AdministratorsOnly
    @GetMapping(PATH)
    String confirm(@PathVariable AccountId id, @PathVariable UserId userId, Model model) {
        ClientDetails client = activeClient(id);
        ClientUser user = member(client, userId);
        if (user.owner()) {
            return "redirect:/admin/clients/" + client.id() + "/users";
        }
        model.addAttribute("client", client);
        model.addAttribute("user", user);
        return "admin/make-owner";
    }

    @PostMapping(PATH)
    String makeOwner(@PathVariable AccountId id, @PathVariable UserId userId,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = activeClient(id);
        ClientUser user = member(client, userId);
        transferOwnership.transfer(staffClients.actorOf(staff), client.id(), user.id(), null);
        redirect.addFlashAttribute("newOwner", user.name());
        return "redirect:/admin/clients/" + client.id() + "/users";
    }

    /**
     * The membership module sees memberships of active accounts only, so a closed account has nobody to
     * make owner: it answers like an unknown one instead of failing halfway.
     */
    private ClientDetails activeClient(AccountId id) {
        return clients.find(id.value())
                .filter(ClientDetails::active)
                .orElseThrow(ClientNotFoundException::new);
    }

    /** A user of another client, or of none, is just another id that does not exist. */
    private ClientUser member(ClientDetails client, UserId userId) {
        return users.find(client.id(), userId.value()).orElseThrow(ClientNotFoundException::new);
    }
}
