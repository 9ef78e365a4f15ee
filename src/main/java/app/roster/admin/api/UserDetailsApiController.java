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
import org.springframework.web.bind.annotation.RestController;

/** One user with the accounts they belong to, as the Admin Area's user page shows them. */
@RestController
@Tag(name = "Users")
class UserDetailsApiController {

    /** More would be a list of its own; a user in more accounts says so. */
    static final int MAX_ACCOUNTS = Keyset.MAX_LIMIT;

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
    }

    @Schema(name = "UserWithAccounts")
    record UserDetails(@JsonUnwrapped UserResponse user,
            @Schema(description = "The accounts they belong to, by id, the first 200") List<UserAccount> accounts,
            @Schema(description = "True when they belong to more than the 200 listed") boolean moreAccounts) {

        static UserDetails of(User user, KeysetPage<ListedMembership> accounts) {
            return new UserDetails(UserResponse.of(user), accounts.items().stream().map(UserAccount::of).toList(),
                    accounts.hasNext());
        }
    }

    @GetMapping(path = "/api/v1/users/{userId}", produces = "application/json")
    @RequiresScope(Scope.USERS_READ)
    @Operation(summary = "One user with their accounts", description = """
            The user and the accounts they belong to (closed ones and memberships waiting for a verified address \
            included, each saying so) with their permissions there. Staff-level: a platform API key only.""")
    @ApiResponse(responseCode = "200", description = "The user")
    UserDetails user(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        User user = find.find(caller.actor(), userId.value());
        return UserDetails.of(user, memberships.list(userId.value(), Keyset.first(MAX_ACCOUNTS)));
    }
}
