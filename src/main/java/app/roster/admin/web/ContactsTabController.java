package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.contact.Contacts;
import app.roster.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Contacts tab of a client's page: its contacts, searched by name or address prefix, 25 a page. */
@Controller
class ContactsTabController {

    static final int PAGE_SIZE = 25;

    private final ClientDirectory clients;
    private final Contacts contacts;

    ContactsTabController(ClientDirectory clients, Contacts contacts) {
        this.clients = clients;
        this.contacts = contacts;
    }

    @GetMapping("/admin/clients/{id}/contacts")
    String contacts(@PathVariable AccountId id, @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String page, Model model) {
        ClientDetails client = clients.find(id.value()).orElseThrow(ClientNotFoundException::new);
        String q = ClientsController.query(query);
        int total = contacts.count(client.id(), q);
        Page.Request wanted = Page.Request.fromOne(ClientsController.pageNumber(page), PAGE_SIZE).within(total);
        model.addAttribute("client", client);
        model.addAttribute("q", q);
        model.addAttribute("result", wanted.of(contacts.search(client.id(), q, PAGE_SIZE, wanted.offset()), total));
        return "admin/client-contacts";
    }
}
