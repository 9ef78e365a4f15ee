package app.roster.contact;

import app.roster.shared.SearchTerm;
import app.roster.shared.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The contacts table. Every finder takes the account id, except the one by a link's token hash. */
@Repository
public class Contacts {

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new contact, unconfirmed until {@link #requestConfirmation} and the link's use. */
    long insert(long accountId, ContactDetails d, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contacts (account_id, first_name, last_name, company, email, phone, address1, address2,
                                      city, region, postcode, country, tax_id, subscriptions, email_confirmed,
                                      created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(accountId, d.firstName(), d.lastName(), d.company(), d.email().value(), d.phone(),
                        d.address1(), d.address2(), d.city(), d.region(), d.postcode(), d.country(), d.taxId(),
                        Category.join(d.subscriptions()), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves the details; a changed address also needs {@link #requestConfirmation}. */
    boolean update(long accountId, long id, ContactDetails d) {
        return jdbc.sql("""
                UPDATE contacts SET first_name = ?, last_name = ?, company = ?, email = ?, phone = ?, address1 = ?,
                       address2 = ?, city = ?, region = ?, postcode = ?, country = ?, tax_id = ?, subscriptions = ?
                WHERE account_id = ? AND id = ?""")
                .params(d.firstName(), d.lastName(), d.company(), d.email().value(), d.phone(), d.address1(),
                        d.address2(), d.city(), d.region(), d.postcode(), d.country(), d.taxId(),
                        Category.join(d.subscriptions()), accountId, id)
                .update() == 1;
    }

    /** The address is unconfirmed until the link with this hash is used; an earlier link stops working. */
    void requestConfirmation(long accountId, long id, String hash, Instant expiresAt) {
        jdbc.sql("""
                UPDATE contacts SET email_confirmed = FALSE, confirmation_token_hash = ?, confirmation_expires_at = ?
                WHERE account_id = ? AND id = ?""").params(hash, Timestamp.from(expiresAt), accountId, id).update();
    }

    boolean delete(long accountId, long id) {
        return jdbc.sql("DELETE FROM contacts WHERE account_id = ? AND id = ?").params(accountId, id).update() == 1;
    }

    public Optional<Contact> find(long accountId, long id) {
        return jdbc.sql("SELECT * FROM contacts WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(Contacts::map).optional();
    }

    Optional<Contact> findByEmail(long accountId, EmailAddress email) {
        return jdbc.sql("SELECT * FROM contacts WHERE account_id = ? AND email = ?").params(accountId, email.value())
                .query(Contacts::map).optional();
    }

    /** The contact whose unexpired confirmation link has this hash. */
    Optional<Contact> findByConfirmationHash(String hash, Instant now) {
        return jdbc.sql("""
                SELECT * FROM contacts WHERE confirmation_token_hash = ?
                  AND (confirmation_expires_at IS NULL OR confirmation_expires_at > ?)""")
                .params(hash, Timestamp.from(now)).query(Contacts::map).optional();
    }

    /** Whether a contact holds this confirmation hash, expired or not. */
    boolean hasConfirmationHash(String hash) {
        return jdbc.sql("SELECT COUNT(*) FROM contacts WHERE confirmation_token_hash = ?").param(hash)
                .query(Long.class).single() > 0;
    }

    boolean confirm(long id, String hash) {
        return jdbc.sql("""
                UPDATE contacts SET email_confirmed = TRUE, confirmation_token_hash = NULL
                WHERE id = ? AND confirmation_token_hash = ?""").params(id, hash).update() == 1;
    }

    void updateSubscriptions(long accountId, long id, java.util.Set<Category> subscriptions) {
        jdbc.sql("UPDATE contacts SET subscriptions = ? WHERE account_id = ? AND id = ?")
                .params(Category.join(subscriptions), accountId, id).update();
    }

    /** One page of the account's contacts whose first name, last name or address starts with the query. */
    public List<Contact> search(long accountId, String query, int limit, int offset) {
        SearchTerm term = SearchTerm.of(query);
        String prefix = term.prefixPattern();
        return jdbc.sql("""
                SELECT * FROM contacts WHERE account_id = ?
                  AND (? OR LOWER(first_name) LIKE ? ESCAPE '\\' OR LOWER(last_name) LIKE ? ESCAPE '\\'
                       OR email LIKE ? ESCAPE '\\')
                ORDER BY LOWER(last_name), LOWER(first_name), id LIMIT ? OFFSET ?""")
                .params(accountId, term.isBlank(), prefix, prefix, prefix, limit, offset)
                .query(Contacts::map).list();
    }

    public int count(long accountId, String query) {
        SearchTerm term = SearchTerm.of(query);
        String prefix = term.prefixPattern();
        return jdbc.sql("""
                SELECT COUNT(*) FROM contacts WHERE account_id = ?
                  AND (? OR LOWER(first_name) LIKE ? ESCAPE '\\' OR LOWER(last_name) LIKE ? ESCAPE '\\'
                       OR email LIKE ? ESCAPE '\\')""")
                .params(accountId, term.isBlank(), prefix, prefix, prefix).query(Integer.class).single();
    }

    /** The account's contacts subscribed to a category; only confirmed ones unless told otherwise. */
    List<Contact> subscribedTo(long accountId, Category category, boolean confirmedOnly) {
        return jdbc.sql("""
                SELECT * FROM contacts WHERE account_id = ? AND (email_confirmed OR ? = FALSE)
                  AND (',' || subscriptions || ',') LIKE ? ORDER BY id""")
                .params(accountId, confirmedOnly, "%," + category.code() + ",%").query(Contacts::map).list();
    }

    static Contact map(ResultSet rs, int row) throws SQLException {
        ContactDetails details = new ContactDetails(rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company"), new EmailAddress(rs.getString("email")), rs.getString("phone"),
                rs.getString("address1"), rs.getString("address2"), rs.getString("city"), rs.getString("region"),
                rs.getString("postcode"), rs.getString("country"), rs.getString("tax_id"),
                Category.split(rs.getString("subscriptions")));
        return new Contact(rs.getLong("id"), rs.getLong("account_id"), details, rs.getBoolean("email_confirmed"),
                rs.getTimestamp("created_at").toInstant());
    }
}
