package app.roster.account;

import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a client account (staff), or opens it again. The membership module lets users into active accounts
 * only, so a closed account's users lose access on their next request; nothing else is taken away.
 */
@Service
public class CloseAccount {

    public record AccountClosed(long accountId) implements AuditedEvent {
        @Override
        public String action() {
            return "account.closed";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }
    }

    public record AccountReopened(long accountId) implements AuditedEvent {
        @Override
        public String action() {
            return "account.reopened";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
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
    public boolean close(long accountId) {
        accounts.findById(accountId).orElseThrow(NotFound::new);
        if (!accounts.changeStatus(accountId, AccountStatus.ACTIVE, AccountStatus.CLOSED)) {
            return false;
        }
        events.publishEvent(new AccountClosed(accountId));
        return true;
    }

    /** False when the account was not closed. */
    @Transactional
    public boolean reopen(long accountId) {
        accounts.findById(accountId).orElseThrow(NotFound::new);
        if (!accounts.changeStatus(accountId, AccountStatus.CLOSED, AccountStatus.ACTIVE)) {
            return false;
        }
        events.publishEvent(new AccountReopened(accountId));
        return true;
    }
}
