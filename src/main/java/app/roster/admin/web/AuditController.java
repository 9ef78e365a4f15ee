package app.roster.admin.web;

import app.roster.account.AccountNames;
import app.roster.admin.ExportAuditTrail;
import app.roster.audit.AuditEntry;
import app.roster.audit.AuditFilter;
import app.roster.audit.AuditSearch;
import app.roster.shared.Actor;
import app.roster.shared.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The audit trail across every account, filtered, 50 a page, and its CSV export (every staff member may read). */
@Controller
class AuditController {

    private final AuditSearch search;
    private final AccountNames accountNames;
    private final ExportAuditTrail export;
    private final Clock clock;

    AuditController(AuditSearch search, AccountNames accountNames, ExportAuditTrail export, Clock clock) {
        this.search = search;
        this.accountNames = accountNames;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String trail(@ModelAttribute("form") AuditFilterForm form, @RequestParam(required = false) String page,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditFilter filter = form.toFilter(errors);
        Page<AuditEntry> result = errors.isEmpty() ? search.page(filter, Pages.number(page)) : null;
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("rows", result == null ? List.of() : AuditRow.of(result, accountNames));
        model.addAttribute("actions", search.actions());
        model.addAttribute("actorTypes", Actor.Type.values());
        String query = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build().getQuery();
        model.addAttribute("exportUrl", "/admin/audit.csv" + (query == null ? "" : "?" + query));
        model.addAttribute("pageUrl", "/admin/audit?" + (query == null ? "" : query + "&") + "page=");
        return "admin/audit";
    }

    /** Bad filter input goes back to the page, which says what is wrong. */
    @GetMapping("/admin/audit.csv")
    void csv(@ModelAttribute("form") AuditFilterForm form, Actor.Staff actor, HttpServletResponse response)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditFilter filter = form.toFilter(errors);
        if (!errors.isEmpty()) {
            String query = ServletUriComponentsBuilder.fromCurrentRequest().build().getQuery();
            response.sendRedirect("/admin/audit" + (query == null ? "" : "?" + query));
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("roster-audit-" + today + ".csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.export(actor, filter, out);
    }
}
