package app.roster.account;

import app.roster.user.UserRegistered;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a client account for its owner; registration opens one in the registering transaction. */
@Service
public class OpenAccount {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpenAccount(Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long open(AccountProfile profile, long ownerUserId) {
        long id = accounts.insert(profile, ownerUserId, clock.instant());
        events.publishEvent(new AccountOpened(id, ownerUserId, profile.name()));
        return id;
    }

    @EventListener
    void on(UserRegistered registered) {
        if (!registered.opensAccount()) {
            return;
        }
        open(AccountProfile.named(registered.accountName()).withCompany(registered.companyName()),
                registered.userId());
    }
}
