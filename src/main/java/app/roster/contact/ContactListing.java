package app.roster.contact;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The contacts of one account, a keyset page at a time, in the order they were added (index on account, id). */
@Repository
@Transactional(readOnly = true)
public class ContactListing {

    static final String LIST = "contacts";

    private final JdbcClient jdbc;

    ContactListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public KeysetPage<Contact> list(long accountId, Keyset page) {
        long after = page.after(LIST).map(Cursor::id).orElse(Long.MIN_VALUE);
        // The ids from the (account, id) index alone, then the rows: asked for whole rows, PostgreSQL may walk the
        // primary key instead and skip every other account's contacts on the way (see InvitationListing).
        return KeysetPage.of(jdbc.sql("""
                SELECT * FROM contacts WHERE id IN (
                    SELECT id FROM contacts WHERE account_id = :account AND id > :after ORDER BY id LIMIT :fetch)
                ORDER BY id""")
                .param("account", accountId).param("after", after).param("fetch", page.fetch())
                .query(Contacts::map).list(), page, contact -> Cursor.of(LIST, contact.id()));
    }
}
