package app.roster.account;

import app.roster.shared.AccountPermissions;
import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.SearchTerm;
import app.roster.shared.StaffOnly;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading accounts as the API does: the whole list is staff-level (staff of either role, a platform API key); one
 * account's details and allowed domains also for a user of that account, or their personal token, who may
 * {@code profile} there, the permission the Client Area's profile page asks for. Another account's id is
 * {@link NotFound}, like a missing one.
 */
@Service
@Transactional(readOnly = true)
public class FindAccounts {

    private final AccountListing listing;
    private final Accounts accounts;
    private final AllowedDomainsRepository domains;
    private final AccountPermissions permissions;

    FindAccounts(AccountListing listing, Accounts accounts, AllowedDomainsRepository domains,
            AccountPermissions permissions) {
        this.listing = listing;
        this.accounts = accounts;
        this.domains = domains;
        this.permissions = permissions;
    }

    public KeysetPage<ListedAccount> list(Actor actor, SearchTerm search, Keyset page) {
        StaffOnly.requireStaff(actor);
        return listing.list(search, page);
    }

    public Account find(Actor actor, long accountId) {
        requireToRead(actor, accountId);
        return accounts.findById(accountId).orElseThrow(NotFound::new);
    }

    /** Roster's own read, behind no wall: for the webhook payload of a change it has just made. */
    public Optional<Account> read(long accountId) {
        return accounts.findById(accountId);
    }

    public AllowedDomains allowedDomains(Actor actor, long accountId) {
        find(actor, accountId);
        return domains.of(accountId);
    }

    private void requireToRead(Actor actor, long accountId) {
        switch (actor) {
            case Actor.Staff _, Actor.ApiKey _ -> StaffOnly.requireStaff(actor);
            case Actor.Member _, Actor.Token _ ->
                    permissions.requireToChange(actor, accountId, UpdateAccountProfile.PERMISSION);
            case Actor.User _, Actor.System _ -> throw Refusal.forbidden("error.403.body");
        }
    }
}
