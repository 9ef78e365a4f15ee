package app.roster.invitation.web;

import app.roster.invitation.Inviter;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.user.User;
import app.roster.user.Users;
import org.springframework.stereotype.Component;

/** The signed-in manager as the invitation use cases know them: an {@link Inviter} with a name for the email. */
@Component
class ManagingUser {

    private final Users users;

    ManagingUser(Users users) {
        this.users = users;
    }

    Inviter of(CurrentAccount current) {
        current.require(PermissionCatalogue.USERS);
        return Inviter.user(current.userId(), users.findById(current.userId()).map(User::fullName).orElse(""));
    }
}
