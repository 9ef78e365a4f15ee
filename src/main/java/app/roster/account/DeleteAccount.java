package app.roster.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a client account for good. Its memberships, invitations, contacts and allowed domains go with it
 * (ON DELETE CASCADE); the audit trail keeps its history. The owner's row is only referenced, never touched.
 * The caller records the deletion, since it knows what else went with the account.
 */
@Service
public class DeleteAccount {

    private final JdbcClient jdbc;

    DeleteAccount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when there was no such account. */
    @Transactional
    public boolean delete(long accountId) {
        return jdbc.sql("DELETE FROM accounts WHERE id = ?").param(accountId).update() == 1;
    }
}
