package app.roster.invitation.web;

import app.roster.account.AllowedDomains;
import app.roster.account.DomainRule;
import app.roster.shared.InvalidEmailAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The allowed domains as typed: one per line (or comma), {@code *.example.com} with its subdomains. */
public class AllowedDomainsForm {

    private String domains = "";

    static AllowedDomainsForm of(AllowedDomains allowed) {
        AllowedDomainsForm form = new AllowedDomainsForm();
        form.domains = allowed.describe("\n");
        return form;
    }

    /** The first line that is not a domain, to name it in the error. */
    Optional<String> firstInvalid() {
        for (String line : lines()) {
            try {
                DomainRule.parse(line);
            } catch (InvalidEmailAddressException e) {
                return Optional.of(line.length() > 60 ? line.substring(0, 60) + "…" : line);
            }
        }
        return Optional.empty();
    }

    AllowedDomains toAllowedDomains() {
        return AllowedDomains.parse(String.join("\n", lines()));
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : (domains == null ? "" : domains).split("[,\\n\\r]+")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    public String getDomains() { return domains; }
    public void setDomains(String domains) { this.domains = domains; }
}
