package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.membership.ClientUsers;
import app.roster.invitation.Invitation;
import app.roster.invitation.Invitations;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Page;
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

/**
 * The Users tab of a client's page: a page of its users with their search, a page of its pending invites
 * (each list pages on its own), Associate User.
 */
@Controller
class UsersTabController {

    static final int INVITES_PAGE_SIZE = 25;

    /** A row of Pending Invites; {@code outsideDomains} when a later restriction will refuse its acceptance. */
    record PendingInvite(long id, String email, OffsetDateTime sentAt, OffsetDateTime expiresAt, boolean expired,
            int permissionCount, boolean outsideDomains) {
    }

    private final ClientDirectory clients;
    private final ClientUsers users;
    private final Invitations invitations;
    private final PermissionCatalogue catalogue;
    private final AllowedDomainsRepository allowedDomains;
    private final Clock clock;

    UsersTabController(ClientDirectory clients, ClientUsers users, Invitations invitations,
            PermissionCatalogue catalogue, AllowedDomainsRepository allowedDomains, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.invitations = invitations;
        this.catalogue = catalogue;
        this.allowedDomains = allowedDomains;
        this.clock = clock;
    }

    @GetMapping("/admin/clients/{id}/users")
    String users(@PathVariable AccountId id, @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            @RequestParam(required = false) String invitesPage,
            Model model) {
        ClientDetails client = clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
        String q = ClientsController.query(query);
        model.addAttribute("client", client);
        model.addAttribute("q", q);
        model.addAttribute("users", users.page(client.id(), q, blank(after), blank(before)));
        model.addAttribute("after", blank(after));
        model.addAttribute("before", blank(before));
        model.addAttribute("invites", invites(client.id(), Pages.number(invitesPage)));
        model.addAttribute("everything", catalogue.everything());
        return "admin/client-users";
    }

    private static String blank(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    private Page<PendingInvite> invites(long accountId, int page) {
        long total = invitations.countPendingOrExpired(accountId);
        Page.Request wanted = Page.Request.fromOne(page, INVITES_PAGE_SIZE).within(total);
        Instant now = clock.instant();
        AllowedDomains domains = allowedDomains.of(accountId);
        List<PendingInvite> rows = invitations.pendingOrExpired(accountId, INVITES_PAGE_SIZE,
                wanted.offset()).stream().map(invitation -> pending(invitation, domains, now))
                .toList();
        return wanted.of(rows, total);
    }

    private static PendingInvite pending(Invitation invitation, AllowedDomains domains, Instant now) {
        return new PendingInvite(invitation.id(), invitation.email().value(),
                invitation.sentAt().atOffset(ZoneOffset.UTC), invitation.expiresAt().atOffset(ZoneOffset.UTC),
                invitation.statusAt(now) == Invitation.Status.EXPIRED, invitation.permissions().size(),
                !domains.admits(invitation.email()));
    }
}
