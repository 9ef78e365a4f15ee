package app.roster.admin;

import app.roster.account.AccountNames;
import app.roster.audit.AuditEntry;
import app.roster.audit.AuditFilter;
import app.roster.audit.AuditSearch;
import app.roster.shared.Actor;
import app.roster.shared.StaffOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every entry a filter matches as CSV, streamed in batches rather than loaded at once. The export is
 * audited before any row leaves, and reads only up to the newest entry that existed before its own. Staff of
 * either role may export: it reads, and changes nothing.
 */
@Component
public class ExportAuditTrail {

    private static final int BATCH = 500;

    private final AuditSearch search;
    private final AccountNames accountNames;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ExportAuditTrail(AuditSearch search, AccountNames accountNames, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.search = search;
        this.accountNames = accountNames;
        this.events = events;
        this.transactions = transactions;
    }

    public void export(Actor actor, AuditFilter filter, Writer out) throws IOException {
        StaffOnly.requireStaff(actor);
        long upTo = search.latestId();
        transactions.executeWithoutResult(
                status -> events.publishEvent(new RecordsEvents.AuditExported(filter, actor)));
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        try {
            search.each(filter, upTo, BATCH, batch -> {
                Set<Long> accounts = batch.stream().map(AuditEntry::accountId).filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                Map<Long, String> names = accountNames.of(accounts);
                try {
                    for (AuditEntry entry : batch) {
                        csv.entry(entry, names);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
