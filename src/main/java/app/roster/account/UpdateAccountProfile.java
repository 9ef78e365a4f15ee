package app.roster.account;

import app.roster.shared.AccountPermissions;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
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
    public record AccountProfileUpdated(long accountId, Map<String, String> details, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("account.profile_updated", accountId).with(details).by(actor);
        }
    }

    /** The permission a user needs to see and change the account's details, billing included. */
    public static final String PERMISSION = "profile";

    private final AccountPermissions permissions;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    UpdateAccountProfile(AccountPermissions permissions, Accounts accounts, ApplicationEventPublisher events) {
        this.permissions = permissions;
        this.accounts = accounts;
        this.events = events;
    }

    /** A user with the {@code profile} permission in the account, or an Administrator. */
    @Transactional
    public void update(Actor actor, long accountId, AccountProfile profile) {
        permissions.requireToChange(actor, accountId, PERMISSION);
        Account before = accounts.findById(accountId).orElseThrow(NotFound::new);
        Map<String, String> changes = before.profile().changesTo(profile);
        if (changes.isEmpty()) {
            return;
        }
        accounts.updateProfile(accountId, profile);
        events.publishEvent(new AccountProfileUpdated(accountId, changes, actor));
    }
}
