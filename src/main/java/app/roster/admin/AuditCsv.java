package app.roster.admin;

import app.roster.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The trail as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break). A cell that a
 * spreadsheet would read as a formula gets a leading apostrophe, since names and details come from users.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "occurred_at", "action", "actor_type", "actor_id",
            "actor_label", "ip", "account_id", "account_name", "user_id", "details");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() throws IOException {
        row(HEADER);
    }

    void entry(AuditEntry entry, Map<Long, String> accountNames) throws IOException {
        row(Arrays.asList(String.valueOf(entry.id()), entry.occurredAt().toString(), entry.action(),
                entry.actorType(), text(entry.actorId()), entry.actorLabel(), entry.ip(), text(entry.accountId()),
                entry.accountId() == null ? null : accountNames.get(entry.accountId()), text(entry.userId()),
                entry.details()));
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
