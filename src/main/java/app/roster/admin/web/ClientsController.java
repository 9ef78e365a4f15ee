package app.roster.admin.web;

import app.roster.account.AllowedDomainsRepository;
import app.roster.admin.ClientDetails;
import app.roster.admin.ClientDirectory;
import app.roster.contact.Contacts;
import app.roster.invitation.Invitation;
import app.roster.invitation.Invitations;
import app.roster.membership.PermissionCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The clients list with its search, and one client's page (its contacts capped, with their total). */
@Controller
class ClientsController {

    private static final int MAX_QUERY_LENGTH = 200;

    private static final int MAX_INVITES = 100;

    private static final int MAX_CONTACTS = 100;

    /** A row of Pending Invites. */
    record PendingInvite(long id, String email, OffsetDateTime sentAt, OffsetDateTime expiresAt, boolean expired,
            int permissionCount) {
    }

    private final ClientDirectory clients;
    private final Invitations invitations;
    private final AllowedDomainsRepository allowedDomains;
    private final PermissionCatalogue catalogue;
    private final Contacts contacts;
    private final Clock clock;

    ClientsController(ClientDirectory clients, Invitations invitations, AllowedDomainsRepository allowedDomains,
            PermissionCatalogue catalogue, Contacts contacts, Clock clock) {
        this.clients = clients;
        this.invitations = invitations;
        this.allowedDomains = allowedDomains;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String page, Model model) {
        String q = query == null ? "" : query.strip();
        q = q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
        model.addAttribute("q", q);
        model.addAttribute("result", clients.search(q, pageNumber(page)));
        return "admin/clients";
    }

    @GetMapping("/admin/clients/{id}")
    String show(@PathVariable String id, Model model) {
        ClientDetails client = clients.find(id(id)).orElseThrow(ClientNotFoundException::new);
        Instant now = clock.instant();
        List<PendingInvite> invites = invitations.pendingOrExpired(client.id(), MAX_INVITES, 0).stream()
                .map(invitation -> pending(invitation, now)).toList();
        model.addAttribute("client", client);
        model.addAttribute("invites", invites);
        model.addAttribute("invitesTotal", invitations.countPendingOrExpired(client.id()));
        model.addAttribute("everything", catalogue.everything());
        model.addAttribute("contacts", contacts.search(client.id(), "", MAX_CONTACTS, 0));
        model.addAttribute("contactsTotal", contacts.count(client.id(), ""));
        if (!model.containsAttribute("domainsTyped")) {
            model.addAttribute("domainsTyped", allowedDomains.of(client.id()).describe("\n"));
        }
        return "admin/client";
    }

    private static PendingInvite pending(Invitation invitation, Instant now) {
        return new PendingInvite(invitation.id(), invitation.email().value(),
                invitation.sentAt().atOffset(ZoneOffset.UTC), invitation.expiresAt().atOffset(ZoneOffset.UTC),
                invitation.statusAt(now) == Invitation.Status.EXPIRED, invitation.permissions().size());
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A malformed id is just another id that does not exist. */
    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ClientNotFoundException();
        }
    }
}
