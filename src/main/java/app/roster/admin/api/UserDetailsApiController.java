package app.roster.admin.api;

import app.roster.user.UserId;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.membership.ListedMembership;
import app.roster.membership.MembershipListing;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.user.FindUsers;
import app.roster.user.User;
import app.roster.user.api.UserResponse;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One user with the accounts they belong to, as the Admin Area's user page shows them: the first page of their
 * accounts, and the rest a page at a time from {@code /api/v1/users/{userId}/accounts}.
 */
@RestController
@Tag(name = "Users")
class UserDetailsApiController {

    private final FindUsers find;
    private final MembershipListing memberships;

    UserDetailsApiController(FindUsers find, MembershipListing memberships) {
        this.find = find;
        this.memberships = memberships;
    }

    @Schema(name = "UserAccount")
    record UserAccount(@Schema(example = "7") String accountId, @Schema(example = "Acme Hosting") String name,
            @Schema(example = "ACTIVE") String status, boolean owner,
            @Schema(description = "False while the membership waits for the user to verify their address")
            boolean active,
            @Schema(example = "[\"invoices\", \"tickets\"]") Set<String> permissions,
            @Schema(example = "2026-03-01T09:30:00Z") Instant joinedAt) {

        static UserAccount of(ListedMembership m) {
            return new UserAccount(String.valueOf(m.accountId()), m.accountName(), m.accountStatus(), m.owner(),
                    m.active(), m.permissions(), m.joinedAt());
        }

        static List<UserAccount> of(KeysetPage<ListedMembership> page) {
            return page.items().stream().map(UserAccount::of).toList();
        }
    }

    @Schema(name = "UserWithAccounts")
    record UserDetails(@JsonUnwrapped UserResponse user,
            @Schema(description = "The first page of the accounts they belong to, by account id (50 at most)")
            List<UserAccount> accounts,
            @Schema(description = """
                    The cursor of the accounts' next page, for `GET /api/v1/users/{userId}/accounts?cursor=`; null \
                    when `accounts` lists them all""", example = "AW1lbWJlcnNoaXBzCgoxMjNcdAJNJh0")
            String accountsNext,
            @Schema(description = "True when they belong to more accounts than `accounts` lists (`accountsNext` is set)")
            boolean moreAccounts) {

        static UserDetails of(User user, KeysetPage<ListedMembership> accounts) {
            return new UserDetails(UserResponse.of(user), UserAccount.of(accounts), accounts.next(),
                    accounts.hasNext());
        }
    }

    @Schema(name = "UserAccountsPage")
    record UserAccountsPage(List<UserAccount> items, @Schema(description = """
            The cursor of the next page, to send as `cursor`; null on the last page""") String next) {

        static UserAccountsPage of(KeysetPage<ListedMembership> page) {
            return new UserAccountsPage(UserAccount.of(page), page.next());
        }
    }

    @GetMapping(path = "/api/v1/users/{userId}", produces = "application/json")
    @RequiresScope(Scope.USERS_READ)
    @Operation(summary = "One user with their accounts", description = """
            The user and the first page of the accounts they belong to (closed ones and memberships waiting for \
            a verified address included, each saying so) with their permissions there. When there are more, \
            `accountsNext` is the cursor of the next page of `GET /api/v1/users/{userId}/accounts`. Staff-level: \
            a platform API key only.""")
    @ApiResponse(responseCode = "200", description = "The user")
    UserDetails user(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        User user = find.find(caller.actor(), userId.value());
        return UserDetails.of(user, memberships.list(caller.actor(), userId.value(), Keyset.of(null, null)));
    }

    @GetMapping(path = "/api/v1/users/{userId}/accounts", produces = "application/json")
    @RequiresScope(Scope.USERS_READ)
    @Operation(summary = "A user's accounts", description = """
            The accounts the user belongs to, by account id, a page at a time (closed ones and memberships waiting \
            for a verified address included, each saying so), with their permissions there. Walk the list by \
            sending each page's `next` (or the user's `accountsNext`) as `cursor` until it is null; an account \
            they join meanwhile shows up on a later page or not at all, none twice. Staff-level: a platform API key \
            only.""")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "422", description = "A limit outside 1..200, or a cursor this list did not give")
    UserAccountsPage accounts(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId,
            @Parameter(description = "Accounts per page, 1 to 200 (default 50)", example = "50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The previous page's `next`, or the user's `accountsNext`; none for the first page")
            @RequestParam(required = false) String cursor) {
        // A user who does not exist is 404, not an empty list.
        find.find(caller.actor(), userId.value());
        return UserAccountsPage.of(memberships.list(caller.actor(), userId.value(), Keyset.of(cursor, limit)));
    }
}
