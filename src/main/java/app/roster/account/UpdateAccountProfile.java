package app.roster.account;

import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes an account's details, auditing each field before and after. */
@Service
public class UpdateAccountProfile {

    /** What changed, field by field. */
    public record AccountProfileUpdated(long accountId, Map<String, String> details) implements AuditedEvent {
        @Override
        public String action() {
            return "account.profile_updated";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }
    }

    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    UpdateAccountProfile(Accounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public void update(long accountId, AccountProfile profile) {
        Account before = accounts.findById(accountId).orElseThrow(NotFound::new);
        Map<String, String> changes = before.profile().changesTo(profile);
        if (changes.isEmpty()) {
            return;
        }
        accounts.updateProfile(accountId, profile);
        events.publishEvent(new AccountProfileUpdated(accountId, changes));
    }
}
