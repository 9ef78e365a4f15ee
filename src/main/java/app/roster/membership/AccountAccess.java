package app.roster.membership;

import org.springframework.stereotype.Component;

/**
 * "May user U do P in account A?" — the one check, one indexed query, read fresh every time so a lost
 * membership or permission takes effect on the very next request. The billing platform's API will call it.
 */
@Component
public class AccountAccess {

    private final Memberships memberships;

    AccountAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    public boolean may(long userId, long accountId, String permission) {
        return memberships.find(accountId, userId).map(m -> m.may(permission)).orElse(false);
    }
}
