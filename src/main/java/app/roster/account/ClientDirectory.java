package app.roster.account;

import app.roster.shared.Page;
import app.roster.shared.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of client accounts for staff: the clients list with its search, and one account with its
 * owner. A read model for the Admin Area, kept here because these tables are the account module's.
 */
@Repository
@Transactional(readOnly = true)
public class ClientDirectory {

    public static final int PAGE_SIZE = 25;

    private static final String FROM = " FROM accounts a JOIN users o ON o.id = a.owner_user_id";
    // The PostgreSQL prefix indexes are on lower(accounts.name) and users.email (stored lower-case).
    private static final String SEARCH = " WHERE lower(a.name) LIKE :prefix ESCAPE '\\'"
            + " OR lower(a.company_name) LIKE :prefix ESCAPE '\\'"
            + " OR a.owner_user_id IN (SELECT id FROM users WHERE email LIKE :prefix ESCAPE '\\')";

    private final JdbcClient jdbc;

    ClientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page (1-based) of accounts in the given order. A query matches the start of the account name, the
     * company name or the owner's email (any case), and a whole number also matches that account id.
     */
    public Page<ClientSummary> search(String query, ClientSort sort, int page) {
        SearchTerm term = SearchTerm.of(query);
        Long id = idIn(query);
        String where = term.isBlank() ? "" : SEARCH + (id == null ? "" : " OR a.id = :id");
        // Every account has an owner (NOT NULL foreign key): without a search the join only slows the count.
        long total = term.isBlank() ? jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()
                : statement("SELECT COUNT(*)" + FROM + where, term, id).query(Long.class).single();
        Page.Request wanted = Page.Request.fromOne(page, PAGE_SIZE).within(total);
        List<ClientSummary> clients = statement("""
                SELECT a.id, a.name, a.company_name, a.status, a.created_at, o.first_name, o.last_name, o.email"""
                + FROM + where + sort.orderBy() + " LIMIT :limit OFFSET :offset", term, id)
                .param("limit", PAGE_SIZE)
                .param("offset", wanted.offset())
                .query(ClientDirectory::summary).list();
        return wanted.of(clients, total);
    }

    private static Long idIn(String query) {
        if (query == null || !query.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(query.strip());
    }

    /** The account with its owner; its users are read a page at a time by {@link ClientUsers}. */
    public Optional<ClientDetails> find(long accountId) {
        return jdbc.sql("""
                SELECT a.*, o.first_name, o.last_name, o.email, o.last_login_at, o.last_login_ip, o.last_login_host"""
                + FROM + " WHERE a.id = ?")
                .param(accountId)
                .query(ClientDirectory::details)
                .optional();
    }

    private JdbcClient.StatementSpec statement(String sql, SearchTerm term, Long id) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (!term.isBlank()) {
            statement = statement.param("prefix", term.prefixPattern());
        }
        return id == null ? statement : statement.param("id", id);
    }

    private static ClientSummary summary(ResultSet rs, int row) throws SQLException {
        return new ClientSummary(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"), name(rs),
                rs.getString("email"), rs.getString("status"), time(rs, "created_at"));
    }

    private static ClientDetails details(ResultSet rs, int row) throws SQLException {
        ClientDetails.Owner owner = new ClientDetails.Owner(rs.getLong("owner_user_id"), name(rs),
                rs.getString("email"), time(rs, "last_login_at"), rs.getString("last_login_ip"),
                rs.getString("last_login_host"));
        ClientDetails.Address address = new ClientDetails.Address(rs.getString("address1"),
                rs.getString("address2"), rs.getString("city"), rs.getString("region"), rs.getString("postcode"),
                rs.getString("country"));
        return new ClientDetails(rs.getLong("id"), rs.getString("name"), rs.getString("company_name"), address,
                rs.getString("phone"), rs.getString("tax_id"), rs.getString("status"), time(rs, "created_at"),
                owner);
    }

    static String name(ResultSet rs) throws SQLException {
        return (rs.getString("first_name") + " " + rs.getString("last_name")).strip();
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
}
