package app.roster.account;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;

/** One allowed email domain; with subdomains it also admits {@code anything.domain}. */
public record DomainRule(String domain, boolean includeSubdomains) {

    /** Canonical (lower case, IDNA) or {@link InvalidEmailAddressException} with key {@code domain.invalid}. */
    public DomainRule {
        try {
            domain = EmailAddress.of("check@" + domain.strip()).domain();
        } catch (InvalidEmailAddressException | NullPointerException e) {
            throw new InvalidEmailAddressException("domain.invalid");
        }
    }

    /** "example.com" or "*.example.com" (the domain and its subdomains), as typed in the form. */
    public static DomainRule parse(String line) {
        String text = line.strip();
        return text.startsWith("*.") ? new DomainRule(text.substring(2), true) : new DomainRule(text, false);
    }

    boolean admits(String emailDomain) {
        return emailDomain.equals(domain) || (includeSubdomains && emailDomain.endsWith("." + domain));
    }

    @Override
    public String toString() {
        return includeSubdomains ? "*." + domain : domain;
    }
}
