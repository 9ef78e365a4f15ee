package app.roster.account;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import app.roster.user.UserLists;
import app.roster.user.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of client accounts for staff: the clients list with its search, and one account with its
 * owner. A read model for the Admin Area, kept here because the accounts table is this module's; the owners'
 * names, addresses and last logins come from the user module ({@link UserLists}), which owns the users table.
 */
@Repository
@Transactional(readOnly = true)
public class ClientDirectory {

    public static final int PAGE_SIZE = 25;

    private static final String COLUMNS = "SELECT a.id, a.name, a.company_name, a.status, a.created_at,"
            + " a.owner_user_id FROM accounts a";
    // The PostgreSQL prefix indexes are on lower(accounts.name) and lower(company_name); owners by their index.
    private static final String SEARCH = " WHERE lower(a.name) LIKE :prefix ESCAPE '\\'"
            + " OR lower(a.company_name) LIKE :prefix ESCAPE '\\' OR a.owner_user_id = ANY(:owners)";

    private final JdbcClient jdbc;
    private final UserLists users;

    ClientDirectory(JdbcClient jdbc, UserLists users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * One page (1-based) of accounts in the given order. A query matches the start of the account name, the
     * company name or the owner's email (any case), and a whole number also matches that account id.
     */
    public Page<ClientSummary> search(String query, ClientSort sort, int page) {
        SearchTerm term = SearchTerm.of(query);
        Long id = idIn(query);
        String where = term.isBlank() ? "" : SEARCH + (id == null ? "" : " OR a.id = :id");
        List<Long> owners = users.idsByEmailPrefix(term);
        long total = term.isBlank() ? jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()
                : statement("SELECT COUNT(*) FROM accounts a" + where, term, owners, id).query(Long.class).single();
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        List<Row> rows = statement(COLUMNS + where + sort.orderBy() + " LIMIT :limit OFFSET :offset", term, owners, id)
                .param("limit", PAGE_SIZE)
                .param("offset", wanted.offset())
                .query(ClientDirectory::row).list();
        Map<Long, UserSummary> owner = users.byIds(rows.stream().map(Row::ownerUserId).distinct().toList()).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return wanted.of(rows.stream().map(row -> row.summary(owner.get(row.ownerUserId()))).toList(), total);
    }

    private static Long idIn(String query) {
        if (query == null || !query.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(query.strip());
    }

    /** The account with its owner; its users are read a page at a time by the membership module's ClientUsers. */
    public Optional<ClientDetails> find(long accountId) {
        return jdbc.sql("SELECT * FROM accounts WHERE id = ?")
                .param(accountId)
                .query(ClientDirectory::details)
                .optional()
                .map(details -> details.withOwner(users.byIds(List.of(details.owner().id())).stream().findFirst()
                        .map(ClientDirectory::owner).orElse(details.owner())));
    }

    private JdbcClient.StatementSpec statement(String sql, SearchTerm term, List<Long> owners, Long id) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (!term.isBlank()) {
            statement = statement.param("prefix", term.prefixPattern())
                    .param("owners", new SqlArrayValue("bigint", owners.toArray()));
        }
        return id == null ? statement : statement.param("id", id);
    }

    /** A row of the list before its owner is known. */
    private record Row(long id, String name, String companyName, String status, OffsetDateTime createdAt,
            long ownerUserId) {

        ClientSummary summary(UserSummary owner) {
            return new ClientSummary(id, name, companyName, owner == null ? "" : owner.name(),
                    owner == null ? "" : owner.email(), status, createdAt);
        }
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"), rs.getString("status"),
                time(rs, "created_at"), rs.getLong("owner_user_id"));
    }

    /** The account with only its owner's id; {@link #find} adds the rest from the user module. */
    private static ClientDetails details(ResultSet rs, int row) throws SQLException {
        ClientDetails.Owner owner = new ClientDetails.Owner(rs.getLong("owner_user_id"), "", "", null, null, null);
        ClientDetails.Address address = new ClientDetails.Address(rs.getString("address1"),
                rs.getString("address2"), rs.getString("city"), rs.getString("region"), rs.getString("postcode"),
                rs.getString("country"));
        return new ClientDetails(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"), address,
                rs.getString("phone"), rs.getString("tax_id"), rs.getString("status"), time(rs, "created_at"),
                owner);
    }

    private static ClientDetails.Owner owner(UserSummary user) {
        return new ClientDetails.Owner(user.id(), user.name(), user.email(),
                user.lastLoginAt() == null ? null : user.lastLoginAt().atOffset(ZoneOffset.UTC), user.lastLoginIp(),
                user.lastLoginHost());
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
}
