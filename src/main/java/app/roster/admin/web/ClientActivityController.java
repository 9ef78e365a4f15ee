package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.AccountNames;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.audit.AuditEntry;
import app.roster.audit.AuditFilter;
import app.roster.audit.AuditSearch;
import app.roster.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A client's Activity tab: the audit trail of that account alone (closed accounts included). */
@Controller
class ClientActivityController {

    private final ClientDirectory clients;
    private final AuditSearch search;
    private final AccountNames accountNames;

    ClientActivityController(ClientDirectory clients, AuditSearch search, AccountNames accountNames) {
        this.clients = clients;
        this.search = search;
        this.accountNames = accountNames;
    }

    @GetMapping("/admin/clients/{id}/activity")
    String activity(@PathVariable AccountId id, @RequestParam(required = false) String page, Model model) {
        ClientDetails client = clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
        Page<AuditEntry> result = search.page(AuditFilter.ofAccount(client.id()), Pages.number(page));
        model.addAttribute("client", client);
        model.addAttribute("result", result);
        model.addAttribute("rows", AuditRow.of(result, accountNames));
        return "admin/client-activity";
    }
}
