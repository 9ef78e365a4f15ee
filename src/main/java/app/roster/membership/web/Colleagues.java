package app.roster.membership.web;

import app.roster.membership.Memberships;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.user.Users;
import org.springframework.stereotype.Component;

/**
 * Finds a user of the current account for the management pages. Rule 4: an id of another account answers
 * exactly like one that does not exist.
 */
@Component
class Colleagues {

    private final Memberships memberships;
    private final Users users;

    Colleagues(Memberships memberships, Users users) {
        this.memberships = memberships;
        this.users = users;
    }

    Colleague find(CurrentAccount current, long userId) {
        var membership = memberships.find(current.accountId(), userId).orElseThrow(NotFound::new);
        var user = users.findById(userId).orElseThrow(NotFound::new);
        return new Colleague(membership, user);
    }
}
