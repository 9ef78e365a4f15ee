package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.AllowedDomainsRepository;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.account.ClientSort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The clients list with its search and order, and the Profile tab of one client's page. */
@Controller
class ClientsController {

    static final int MAX_QUERY_LENGTH = 200;

    private final ClientDirectory clients;
    private final AllowedDomainsRepository allowedDomains;

    ClientsController(ClientDirectory clients, AllowedDomainsRepository allowedDomains) {
        this.clients = clients;
        this.allowedDomains = allowedDomains;
    }

    @GetMapping("/admin")
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model) {
        String q = query(query);
        ClientSort order = ClientSort.parse(sort);
        model.addAttribute("q", q);
        model.addAttribute("sort", order);
        model.addAttribute("result", clients.search(q, order, pageNumber(page)));
        return "admin/clients";
    }

    @GetMapping("/admin/clients/{id}")
    String show(@PathVariable AccountId id, Model model) {
        ClientDetails client = clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
        model.addAttribute("client", client);
        if (!model.containsAttribute("domainsTyped")) {
            model.addAttribute("domainsTyped", allowedDomains.of(client.id()).describe("\n"));
        }
        return "admin/client";
    }

    /** Stripped and cut to a sane length; never null. */
    static String query(String query) {
        String q = query == null ? "" : query.strip();
        return q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
