package app.roster.account;

import app.roster.shared.Actor;
import app.roster.shared.StaffOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator removes a client account for good. Its memberships, invitations, contacts and allowed domains
 * go with it (ON DELETE CASCADE); the audit trail keeps its history. The owner's row is only referenced, never
 * touched. The caller records the deletion, since it knows what else went with the account.
 */
@Service
public class DeleteAccount {

    private final JdbcClient jdbc;

    DeleteAccount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when there was no such account. */
    @Transactional
    public boolean delete(Actor actor, long accountId) {
        StaffOnly.requireAdministrator(actor);
        return jdbc.sql("DELETE FROM accounts WHERE id = ?").param(accountId).update() == 1;
    }
}
