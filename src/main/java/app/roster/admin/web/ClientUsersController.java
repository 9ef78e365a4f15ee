package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.membership.ClientUser;
import app.roster.staff.SignedInStaff;
import app.roster.membership.ChangePermissions;
import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.RemoveMember;
import app.roster.staff.AdministratorsOnly;
import app.roster.user.UserId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff "Manage Permissions" and "Remove" on a client's users. Staff act at owner level: any permissions
 * for any user but the owner. Both changes are audited with the staff member as actor.
 */
@Controller
class ClientUsersController {

    private static final String USER = "/admin/clients/{id}/users/{userId}";

    private final StaffClients clients;
    private final ChangePermissions changePermissions;
    private final RemoveMember removeMember;
    private final PermissionCatalogue catalogue;

    ClientUsersController(StaffClients clients, ChangePermissions changePermissions, RemoveMember removeMember,
            PermissionCatalogue catalogue) {
        this.clients = clients;
        this.changePermissions = changePermissions;
        this.removeMember = removeMember;
        this.catalogue = catalogue;
    }

    @AdministratorsOnly
    @GetMapping(USER + "/permissions")
    String permissions(@PathVariable AccountId id, @PathVariable UserId userId, Model model) {
        ClientDetails client = clients.activeClient(id);
        ClientUser user = clients.member(client, userId);
        if (user.owner()) {
            return StaffClients.usersTab(client);
        }
        model.addAttribute("client", client);
        model.addAttribute("user", user);
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("all", user.permissions().containsAll(catalogue.everything()));
        model.addAttribute("presets", StaffPermissionsForm.presets(catalogue));
        return "admin/user-permissions";
    }

    @PostMapping(USER + "/permissions")
    String changePermissions(@PathVariable AccountId id, @PathVariable UserId userId,
            @ModelAttribute StaffPermissionsForm form, @AuthenticationPrincipal SignedInStaff staff,
            RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        ClientUser user = clients.member(client, userId);
        try {
            changePermissions.change(clients.actorOf(staff), client.id(), user.id(), form.wanted(catalogue), form.version());
            redirect.addFlashAttribute("notice", "admin.users.permissionsChanged");
        } catch (MembershipRefused refused) {
            redirect.addFlashAttribute("problem", "admin.users.ownerUntouchable");
        }
        redirect.addFlashAttribute("noticeName", user.name());
        return StaffClients.usersTab(client);
    }

    @AdministratorsOnly
    @GetMapping(USER + "/remove")
    String confirmRemove(@PathVariable AccountId id, @PathVariable UserId userId, Model model) {
        ClientDetails client = clients.activeClient(id);
        ClientUser user = clients.member(client, userId);
        if (user.owner()) {
            return StaffClients.usersTab(client);
        }
        model.addAttribute("client", client);
        model.addAttribute("user", user);
        return "admin/remove-user";
    }

    @PostMapping(USER + "/remove")
    String remove(@PathVariable AccountId id, @PathVariable UserId userId,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        ClientUser user = clients.member(client, userId);
        try {
            removeMember.remove(clients.actorOf(staff), client.id(), user.id());
            redirect.addFlashAttribute("notice", "admin.users.removed");
        } catch (MembershipRefused refused) {
            redirect.addFlashAttribute("problem", "admin.users.ownerUntouchable");
        }
        redirect.addFlashAttribute("noticeName", user.name());
        return StaffClients.usersTab(client);
    }
}
