package app.roster.audit;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's searches of the trail: one page at a time, or every matching entry in batches for an export.
 * Always newest first, with the id breaking ties so that pages never overlap.
 */
@Component
@Transactional(readOnly = true)
public class AuditSearch {

    public static final int PAGE_SIZE = 50;
    public static final int COUNT_LIMIT = 10_000;
    private static final int FETCH_SIZE = 500;
    private static final String ORDER = " ORDER BY occurred_at DESC, id DESC";

    private final NamedParameterJdbcTemplate jdbc;

    AuditSearch(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // In a transaction, PostgreSQL reads a result of this fetch size at a time instead of all of it.
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * One page (1-based, clamped) of the matching entries. Counting stops at {@link #COUNT_LIMIT}: counting
     * millions of rows costs more than the page itself (0.5 s for 3 million on PostgreSQL), nobody pages that
     * far, and the export has every row. Past the limit the page says so and asks for a narrower filter.
     */
    public Page<AuditEntry> page(AuditFilter filter, int page) {
        Where where = Where.of(filter);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM audit_events" + where.sql
                + " LIMIT " + (COUNT_LIMIT + 1) + ") matching", where.params, Long.class);
        long count = counted == null ? 0 : counted;
        boolean more = count > COUNT_LIMIT;
        long shown = Math.min(count, COUNT_LIMIT);
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(shown);
        MapSqlParameterSource params = where.params.addValue("limit", PAGE_SIZE)
                .addValue("offset", wanted.offset());
        List<AuditEntry> entries = jdbc.query("SELECT * FROM audit_events" + where.sql + ORDER
                + " LIMIT :limit OFFSET :offset", params, AuditSearch::map);
        return wanted.of(entries, shown, more);
    }

    /** The highest id written so far: an export reads up to it, so it never includes its own audit row. */
    public long latestId() {
        Long id = jdbc.getJdbcTemplate().queryForObject("SELECT MAX(id) FROM audit_events", Long.class);
        return id == null ? 0 : id;
    }

    /** Every matching entry up to the given id, streamed from the database and handed over in batches. */
    public void each(AuditFilter filter, long upToId, int batchSize, Consumer<List<AuditEntry>> batches) {
        Where where = Where.of(filter);
        String sql = "SELECT * FROM audit_events" + where.sql + (where.sql.isEmpty() ? " WHERE" : " AND")
                + " id <= :upTo" + ORDER;
        List<AuditEntry> batch = new ArrayList<>(batchSize);
        jdbc.query(sql, where.params.addValue("upTo", upToId), (RowCallbackHandler) rs -> {
            batch.add(map(rs, 0));
            if (batch.size() == batchSize) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }

    /**
     * The actions the trail holds, for the filter's list. A DISTINCT would read the whole action index
     * (0.3 s for 3 million rows); this walks it from one action to the next, one index probe per action.
     */
    public List<String> actions() {
        return jdbc.getJdbcTemplate().queryForList("""
                WITH RECURSIVE seen (action) AS (
                    (SELECT action FROM audit_events ORDER BY action LIMIT 1)
                    UNION ALL
                    SELECT (SELECT e.action FROM audit_events e WHERE e.action > seen.action ORDER BY e.action LIMIT 1)
                    FROM seen WHERE seen.action IS NOT NULL)
                SELECT action FROM seen WHERE action IS NOT NULL ORDER BY action""", String.class);
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                rs.getString("actor_type"), rs.getObject("actor_id", Long.class), rs.getString("actor_label"),
                rs.getString("ip"), rs.getObject("account_id", Long.class), rs.getObject("user_id", Long.class),
                rs.getString("details"));
    }

    /** The WHERE clause of a filter and its parameters; empty when the filter is empty. */
    private record Where(String sql, MapSqlParameterSource params) {

        static Where of(AuditFilter filter) {
            List<String> conditions = new ArrayList<>();
            MapSqlParameterSource params = new MapSqlParameterSource();
            if (filter.accountId() != null) {
                conditions.add("account_id = :accountId");
                params.addValue("accountId", filter.accountId());
            }
            if (filter.actorType() != null) {
                conditions.add("actor_type = :actorType");
                params.addValue("actorType", filter.actorType());
            }
            if (filter.actorId() != null) {
                conditions.add("actor_id = :actorId");
                params.addValue("actorId", filter.actorId());
            }
            if (filter.actorLabel() != null) {
                conditions.add("lower(actor_label) LIKE :actorLabel ESCAPE '\\'");
                params.addValue("actorLabel", SearchTerm.of(filter.actorLabel()).prefixPattern());
            }
            if (filter.action() != null) {
                conditions.add("action = :action");
                params.addValue("action", SearchTerm.of(filter.action()).exact());
            }
            if (filter.actionPrefix() != null) {
                conditions.add("action LIKE :actionPrefix ESCAPE '\\'");
                params.addValue("actionPrefix", SearchTerm.of(filter.actionPrefix()).prefixPattern());
            }
            if (filter.from() != null) {
                conditions.add("occurred_at >= :from");
                params.addValue("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            if (filter.to() != null) {
                conditions.add("occurred_at < :to");
                params.addValue("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }
}
