package app.roster.account;

import app.roster.shared.Actor;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
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

    /**
     * The account is gone. Not an audited event: the caller audits the deletion with what went with it, and a
     * second row would say the same thing twice.
     */
    public record AccountDeleted(long accountId, Actor actor) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeleteAccount(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** False when there was no such account. */
    @Transactional
    public boolean delete(Actor actor, long accountId) {
        StaffOnly.requireAdministrator(actor);
        if (jdbc.sql("DELETE FROM accounts WHERE id = ?").param(accountId).update() != 1) {
            return false;
        }
        events.publishEvent(new AccountDeleted(accountId, actor));
        return true;
    }
}
