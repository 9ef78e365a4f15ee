package app.roster.contact;

import app.roster.account.Accounts;
import app.roster.shared.AccountPermissions;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.stereotype.Component;

/**
 * Who may see and change an account's contacts: a member (or their personal token) holding {@code contacts} in
 * that account; staff and platform API keys in any account that exists (Support only reads). A member's other
 * account, like an account that does not exist, is {@link NotFound}.
 */
@Component
class ContactAccess {

    private final AccountPermissions permissions;
    private final Accounts accounts;

    ContactAccess(AccountPermissions permissions, Accounts accounts) {
        this.permissions = permissions;
        this.accounts = accounts;
    }

    void requireToRead(Actor actor, long accountId) {
        if (actor instanceof Actor.Staff || actor instanceof Actor.ApiKey) {
            StaffOnly.requireStaff(actor);
            requireAccount(accountId);
        } else {
            permissions.requireToChange(actor, accountId, Contact.PERMISSION);
        }
    }

    void requireToChange(Actor actor, long accountId) {
        permissions.requireToChange(actor, accountId, Contact.PERMISSION);
        if (actor instanceof Actor.Staff || actor instanceof Actor.ApiKey) {
            // Staff and keys reach every account, so an id of none must stop here rather than at a foreign key.
            requireAccount(accountId);
        }
    }

    private void requireAccount(long accountId) {
        if (accounts.findById(accountId).isEmpty()) {
            throw new NotFound();
        }
    }
}
