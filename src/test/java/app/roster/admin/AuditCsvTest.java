package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.audit.AuditEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
class AuditCsvTest {

    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() {
        assertThat(AuditCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@x")).isEqualTo("'@x");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void aRowHasEveryColumnAndEndsWithCrLf() throws IOException {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.entry(new AuditEntry(7, Instant.parse("2026-01-02T03:04:05Z"), "account.opened", "USER", 3L, "a@b.c",
                "203.0.113.1", 5L, null, "name=Acme"), Map.of(5L, "@Acme"));
        assertThat(out.toString()).isEqualTo(String.join(",", AuditCsv.HEADER) + "\r\n"
                + "7,2026-01-02T03:04:05Z,account.opened,USER,3,a@b.c,203.0.113.1,5,'@Acme,,name=Acme\r\n");
    }
}
