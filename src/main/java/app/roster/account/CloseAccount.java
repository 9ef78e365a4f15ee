package app.roster.account;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator closes a client account, or opens it again. The membership module lets users into active
 * accounts only, so a closed account's users lose access on their next request; nothing else is taken away.
 */
@Service
public class CloseAccount {

    public record AccountClosed(long accountId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("account.closed", accountId).by(actor);
        }
    }

    public record AccountReopened(long accountId, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("account.reopened", accountId).by(actor);
        }
    }

    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    CloseAccount(Accounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** False when the account was not active (already closed): nothing changes, nothing is audited. */
    @Transactional
    public boolean close(Actor actor, long accountId) {
        StaffOnly.requireAdministrator(actor);
        accounts.findById(accountId).orElseThrow(NotFound::new);
        if (!accounts.changeStatus(accountId, AccountStatus.ACTIVE, AccountStatus.CLOSED)) {
            return false;
        }
        events.publishEvent(new AccountClosed(accountId, actor));
        return true;
    }

    /** False when the account was not closed. */
    @Transactional
    public boolean reopen(Actor actor, long accountId) {
        StaffOnly.requireAdministrator(actor);
        accounts.findById(accountId).orElseThrow(NotFound::new);
        if (!accounts.changeStatus(accountId, AccountStatus.CLOSED, AccountStatus.ACTIVE)) {
            return false;
        }
        events.publishEvent(new AccountReopened(accountId, actor));
        return true;
    }
}
