package app.roster.membership;

import app.roster.account.AccountOpened;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every account's owner is also a member of it, from the moment the account exists. */
@Component
class OwnerMembership {

    private final Memberships memberships;
    private final Clock clock;

    OwnerMembership(Memberships memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    @EventListener
    void on(AccountOpened opened) {
        memberships.insert(opened.accountId(), opened.ownerUserId(), Set.of(), clock.instant());
    }
}
