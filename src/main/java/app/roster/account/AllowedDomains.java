package app.roster.account;

import app.roster.shared.EmailAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rule 6: the email domains an account may invite. No rules means no restriction. */
public record AllowedDomains(List<DomainRule> rules) {

    public static final int MAX_RULES = 100;
    public static final AllowedDomains NONE = new AllowedDomains(List.of());

    public AllowedDomains {
        // One rule per domain; the wider one (with subdomains) wins.
        Map<String, DomainRule> byDomain = new LinkedHashMap<>();
        for (DomainRule rule : rules) {
            byDomain.merge(rule.domain(), rule, (a, b) -> a.includeSubdomains() ? a : b);
        }
        rules = List.copyOf(byDomain.values());
    }

    /** One rule per line (or comma): {@code example.com} or {@code *.example.com}; blank lines ignored. */
    public static AllowedDomains parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return new AllowedDomains(java.util.Arrays.stream(text.split("[,\\n\\r]+"))
                .filter(line -> !line.isBlank()).map(DomainRule::parse).toList());
    }

    public boolean restricted() {
        return !rules.isEmpty();
    }

    public boolean admits(EmailAddress email) {
        return !restricted() || rules.stream().anyMatch(rule -> rule.admits(email.domain()));
    }

    /** "example.com, *.example.org" for messages and forms. */
    public String describe(String separator) {
        return rules.stream().map(DomainRule::toString).collect(Collectors.joining(separator));
    }
}
