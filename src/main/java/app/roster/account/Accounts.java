package app.roster.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** The accounts table. */
@Repository
public class Accounts {

    private static final String ACTIVE = " AND status = 'ACTIVE'";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT * FROM accounts WHERE id = ?").param(id).query(Accounts::map).optional();
    }

    /**
     * The account with its row locked until the transaction ends. Whoever lets someone into the account (an
     * invitation, a membership) takes this lock before checking rule 7, so two such requests at the same moment,
     * on any node, check and write one after the other and the second sees what the first did.
     */
    public Optional<Account> lockForNewMembers(long id) {
        return jdbc.sql("SELECT * FROM accounts WHERE id = ? FOR UPDATE").param(id).query(Accounts::map).optional();
    }

    /** These accounts, in no particular order; an unknown id is simply missing. */
    public List<Account> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM accounts WHERE id = ANY(:ids)").param("ids", array(ids))
                .query(Accounts::map).list();
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of these accounts by name (then id), only the active ones when
     * asked: a page of the accounts a user belongs to, for the membership module, which holds the ids.
     */
    public List<Account> byName(Collection<Long> ids, boolean activeOnly, int limit, int offset) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM accounts WHERE id = ANY(:ids)" + (activeOnly ? ACTIVE : "")
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("ids", array(ids)).param("limit", limit).param("offset", offset)
                .query(Accounts::map).list();
    }

    /** How many of these accounts there are, or how many are active. */
    public int count(Collection<Long> ids, boolean activeOnly) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ANY(:ids)" + (activeOnly ? ACTIVE : ""))
                .param("ids", array(ids)).query(Integer.class).single();
    }

    /** How many accounts the user owns, closed ones included. */
    public int countOwnedBy(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE owner_user_id = ?").param(userId)
                .query(Integer.class).single();
    }

    /**
     * Compare-and-set of the owner: only the current owner's hand-over takes effect, so there is one owner at
     * every moment. The membership module's ownership transfer decides and calls it.
     */
    public boolean changeOwner(long accountId, long fromUserId, long toUserId) {
        return jdbc.sql("UPDATE accounts SET owner_user_id = ? WHERE id = ? AND owner_user_id = ?")
                .params(toUserId, accountId, fromUserId).update() == 1;
    }

    long insert(AccountProfile profile, long ownerUserId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO accounts (name, company_name, address1, address2, city, region, postcode, country, phone,
                                      tax_id, owner_user_id, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(profile.name(), profile.companyName(), profile.address1(), profile.address2(), profile.city(),
                        profile.region(), profile.postcode(), profile.country(), profile.phone(), profile.taxId(),
                        ownerUserId, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateProfile(long id, AccountProfile p) {
        jdbc.sql("""
                UPDATE accounts SET name = ?, company_name = ?, address1 = ?, address2 = ?, city = ?, region = ?,
                                    postcode = ?, country = ?, phone = ?, tax_id = ?
                WHERE id = ?""")
                .params(p.name(), p.companyName(), p.address1(), p.address2(), p.city(), p.region(), p.postcode(),
                        p.country(), p.phone(), p.taxId(), id)
                .update();
    }

    /** True when the status was {@code from} and is now {@code to}; false when it was something else. */
    boolean changeStatus(long id, AccountStatus from, AccountStatus to) {
        return jdbc.sql("UPDATE accounts SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    static SqlArrayValue array(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        AccountProfile profile = new AccountProfile(rs.getString("name"), rs.getString("company_name"),
                rs.getString("address1"), rs.getString("address2"), rs.getString("city"), rs.getString("region"),
                rs.getString("postcode"), rs.getString("country"), rs.getString("phone"), rs.getString("tax_id"));
        return new Account(rs.getLong("id"), profile, rs.getLong("owner_user_id"),
                AccountStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
