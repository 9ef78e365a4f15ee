package app.roster.admin.web;

import app.roster.account.AccountNames;
import app.roster.audit.AuditEntry;
import app.roster.shared.Page;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** One line of the trail as staff read it: the time in UTC and the account's name (null once deleted). */
record AuditRow(AuditEntry entry, OffsetDateTime at, String accountName) {

    /** The rows of a page, the account names read in one query. */
    static List<AuditRow> of(Page<AuditEntry> page, AccountNames accountNames) {
        Map<Long, String> names = accountNames.of(page.items().stream().map(AuditEntry::accountId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return page.items().stream()
                .map(entry -> new AuditRow(entry, entry.occurredAt().atOffset(ZoneOffset.UTC),
                        entry.accountId() == null ? null : names.get(entry.accountId())))
                .toList();
    }
}
