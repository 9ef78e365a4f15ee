package app.roster.credential.web;

import app.roster.credential.CreateApiKey;
import app.roster.credential.CredentialRefused;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * "Create API key" as typed: a name, the scopes ticked, an optional last day of validity (UTC) and the allowed
 * addresses. The key works through the end of its last day.
 */
record ApiKeyForm(String name, List<String> scopes, String expiresOn, String allowedSources) {

    static ApiKeyForm empty() {
        return new ApiKeyForm("", List.of(), "", "");
    }

    public List<String> ticked() {
        return scopes == null ? List.of() : scopes;
    }

    CreateApiKey.NewApiKey toRequest() {
        return new CreateApiKey.NewApiKey(name, new LinkedHashSet<>(ticked()), lastDay(expiresOn), allowedSources);
    }

    /** A date in ISO form (what a date input sends), valid through its end in UTC; blank: no expiry. */
    static java.time.Instant lastDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CredentialRefused("expiresAt", "credential.error.expiry");
        }
    }
}
