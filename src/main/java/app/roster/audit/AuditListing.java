package app.roster.audit;

import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import app.roster.shared.StaffOnly;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail a keyset page at a time, newest first: by time, then by id for entries of the same microsecond. Each
 * filter has an index that ends in the time (account, actor, user, action, or the time alone), so a page reads
 * that index backwards from the cursor's place, a time range included, and stops after one page; page 60,000 of
 * three million entries costs what the first does. The cursor carries the last entry's time and id.
 */
@Repository
@Transactional(readOnly = true)
public class AuditListing {

    static final String LIST = "audit";

    private final NamedParameterJdbcTemplate jdbc;

    AuditListing(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the entries of one account: whatever the query says, nothing of another account. */
    public KeysetPage<AuditEntry> listInAccount(long accountId, AuditQuery query, Keyset page) {
        return list(query.inAccount(accountId), page);
    }

    /** A page of every matching entry, for staff and platform API keys only (anyone else is FORBIDDEN). */
    public KeysetPage<AuditEntry> list(Actor actor, AuditQuery query, Keyset page) {
        StaffOnly.requireStaff(actor);
        return list(query, page);
    }

    /** A page of every matching entry (staff, platform). */
    public KeysetPage<AuditEntry> list(AuditQuery query, Keyset page) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("fetch", page.fetch());
        condition(conditions, params, "account_id", query.accountId());
        condition(conditions, params, "actor_type", query.actorType() == null ? null : query.actorType().name());
        condition(conditions, params, "actor_id", query.actorId());
        condition(conditions, params, "user_id", query.userId());
        if (query.action() != null) {
            // Actions are stored in lower case; an unsearchable term is the SQL NULL, which no "=" matches.
            conditions.add("action = :action");
            params.addValue("action", SearchTerm.of(query.action()).exact());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        page.after(LIST).ifPresent(cursor -> {
            // "<= :at" is what an index ending in the time can start from; the rest breaks the tie by id.
            conditions.add("occurred_at <= :at AND (occurred_at < :at OR id < :id)");
            params.addValue("at", Timestamp.from(cursor.timeKey()));
            params.addValue("id", cursor.id());
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<AuditEntry> found = jdbc.query("SELECT * FROM audit_events" + where
                + " ORDER BY occurred_at DESC, id DESC LIMIT :fetch", params, AuditSearch::map);
        return KeysetPage.of(found, page, entry -> Cursor.of(LIST, entry.occurredAt(), entry.id()));
    }

    private static void condition(List<String> conditions, MapSqlParameterSource params, String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.addValue(column, value);
        }
    }
}
