package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.account.ClientDetails;
import app.roster.staff.SignedInStaff;
import app.roster.shared.InvalidEmailAddressException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's allowed email domains (rule 6), set by staff from the client page; audited. */
@Controller
class ClientDomainsController {

    private static final int MAX_TEXT = 10_000;

    private final StaffClients clients;
    private final RestrictDomains restrictDomains;

    ClientDomainsController(StaffClients clients, RestrictDomains restrictDomains) {
        this.clients = clients;
        this.restrictDomains = restrictDomains;
    }

    @PostMapping("/admin/clients/{id}/domains")
    String save(@PathVariable AccountId id, @RequestParam(defaultValue = "") String domains,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        String typed = domains.length() > MAX_TEXT ? domains.substring(0, MAX_TEXT) : domains;
        try {
            AllowedDomains parsed = AllowedDomains.parse(typed);
            if (parsed.rules().size() > AllowedDomains.MAX_RULES) {
                return refuse(client, typed, "admin.domains.tooMany", redirect);
            }
            restrictDomains.restrict(clients.actorOf(staff), client.id(), parsed);
            redirect.addFlashAttribute("notice", "admin.domains.saved");
            redirect.addFlashAttribute("noticeName", client.name());
        } catch (InvalidEmailAddressException e) {
            return refuse(client, typed, "admin.domains.invalid", redirect);
        }
        return StaffClients.clientPage(client) + "#domains";
    }

    private static String refuse(ClientDetails client, String typed, String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("domainsProblem", key);
        redirect.addFlashAttribute("domainsTyped", typed);
        return StaffClients.clientPage(client) + "#domains";
    }
}
