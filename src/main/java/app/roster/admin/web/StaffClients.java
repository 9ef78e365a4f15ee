package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.membership.ClientUser;
import app.roster.membership.ClientUsers;
import app.roster.shared.Actor;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import app.roster.staff.StaffRole;
import app.roster.user.UserId;
import org.springframework.stereotype.Component;

/**
 * What the client page's actions share: the client (active, or 404: the membership module sees only
 * active accounts), one of its users (another client's user is 404), and the acting staff member.
 */
@Component
class StaffClients {

    private final ClientDirectory clients;
    private final ClientUsers users;
    private final StaffMembers staff;

    StaffClients(ClientDirectory clients, ClientUsers users, StaffMembers staff) {
        this.clients = clients;
        this.users = users;
        this.staff = staff;
    }

    ClientDetails activeClient(AccountId id) {
        return clients.find(id.value()).filter(ClientDetails::active)
                .orElseThrow(ClientNotFoundException::new);
    }

    ClientUser member(ClientDetails client, UserId userId) {
        return users.find(client.id(), userId.value()).orElseThrow(ClientNotFoundException::new);
    }

    /** The signed-in staff member as the use cases take them. */
    Actor.Staff actorOf(SignedInStaff signedIn) {
        return staff.actorOf(signedIn);
    }

    static String clientPage(ClientDetails client) {
        return "redirect:/admin/clients/" + client.id();
    }

    static String usersTab(ClientDetails client) {
        return clientPage(client) + "/users";
    }

    static String contactsTab(ClientDetails client) {
        return clientPage(client) + "/contacts";
    }
}
