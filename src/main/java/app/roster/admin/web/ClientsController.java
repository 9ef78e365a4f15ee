package app.roster.admin.web;

import app.roster.admin.ClientDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The clients list with its search, and one client's page. */
@Controller
class ClientsController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final ClientDirectory clients;

    ClientsController(ClientDirectory clients) {
        this.clients = clients;
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
        model.addAttribute("client", clients.find(id(id)).orElseThrow(ClientNotFoundException::new));
        return "admin/client";
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
