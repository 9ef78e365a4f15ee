package app.roster.admin.web;

import app.roster.membership.UserDirectory;
import app.roster.audit.AuditTrail;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Page;
import app.roster.user.User;
import app.roster.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The users directory with its search, and one user's page: details, accounts, actions, login history. */
@Controller
class UsersController {

    static final int MAX_ACCOUNTS = 100;
    static final int HISTORY_PAGE_SIZE = 25;

    private static final int MAX_QUERY_LENGTH = 200;

    /** A line of the login history. */
    record Login(OffsetDateTime at, String ip) {
    }

    private final UserDirectory directory;
    private final StaffUsers users;
    private final AuditTrail audit;
    private final PermissionCatalogue catalogue;

    UsersController(UserDirectory directory, StaffUsers users, AuditTrail audit, PermissionCatalogue catalogue) {
        this.directory = directory;
        this.users = users;
        this.audit = audit;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String page, Model model) {
        String q = query == null ? "" : query.strip();
        q = q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
        model.addAttribute("q", q);
        model.addAttribute("result", directory.search(q, pageNumber(page)));
        return "admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable UserId id, @RequestParam(required = false) String page, Model model) {
        User user = users.user(id);
        long total = audit.countForUser(user.id(), "user.login");
        Page.Request wanted = Page.Request.fromOne(pageNumber(page), HISTORY_PAGE_SIZE).within(total);
        List<Login> logins = audit.forUser(user.id(), "user.login", HISTORY_PAGE_SIZE, wanted.offset()).stream()
                .map(entry -> new Login(utc(entry.occurredAt()), entry.ip())).toList();
        model.addAttribute("user", user);
        model.addAttribute("lastLoginAt", utc(user.lastLogin().at()));
        model.addAttribute("createdAt", utc(user.createdAt()));
        model.addAttribute("accounts", directory.accountsOf(user.id(), MAX_ACCOUNTS));
        model.addAttribute("accountsTotal", directory.countAccounts(user.id()));
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("everything", catalogue.everything());
        model.addAttribute("logins", wanted.of(logins, total));
        return "admin/user";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
