package app.roster.account.api;

import app.roster.account.AccountId;
import app.roster.account.CloseAccount;
import app.roster.account.FindAccounts;
import app.roster.account.ListedAccount;
import app.roster.account.UpdateAccountProfile;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Client accounts for the platform's own systems: search, details, profile, closing and reopening. */
@RestController
@Tag(name = "Accounts", description = "Client accounts: the billing entity, its profile, owner and status")
class AccountsApiController {


    private final FindAccounts find;
    private final UpdateAccountProfile updateProfile;
    private final CloseAccount closeAccount;

    AccountsApiController(FindAccounts find, UpdateAccountProfile updateProfile, CloseAccount closeAccount) {
        this.find = find;
        this.updateProfile = updateProfile;
        this.closeAccount = closeAccount;
    }

    @Schema(name = "AccountSummary")
    record AccountSummary(@Schema(example = "7") String id, @Schema(example = "Acme Hosting") String name,
            @Schema(example = "Acme Ltd") String companyName, @Schema(example = "ACTIVE") String status,
            @Schema(example = "12") String ownerUserId, @Schema(example = "Ada") String ownerFirstName,
            @Schema(example = "Lovelace") String ownerLastName, @Schema(example = "ada@acme.example")
            String ownerEmail, @Schema(example = "2026-03-01T09:30:00Z") Instant createdAt) {

        static AccountSummary of(ListedAccount a) {
            return new AccountSummary(String.valueOf(a.id()), a.name(), a.companyName(), a.status(),
                    String.valueOf(a.ownerUserId()), a.ownerFirstName(), a.ownerLastName(), a.ownerEmail(),
                    a.createdAt());
        }
    }

    @Schema(name = "AccountPage")
    record AccountPage(List<AccountSummary> items, @Schema(description = """
            The cursor of the next page, to send as `cursor`; null on the last page""",
            example = "YWNjb3VudHM6NDI6NDI") String next) {

        static AccountPage of(KeysetPage<ListedAccount> page) {
            return new AccountPage(page.items().stream().map(AccountSummary::of).toList(), page.next());
        }
    }

    @GetMapping(path = "/api/v1/accounts", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_READ)
    @Operation(summary = "Search client accounts", description = """
            Every client account by id, a page at a time; `search` matches the start of the account name, the \
            company name or the owner's email, in any case. Walk the list by sending each page's `next` as \
            `cursor` until it is null. Staff-level: a platform API key only (a personal access token is 403).""")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "422", description = "A limit outside 1..200, or a cursor this list did not give")
    AccountPage list(ApiCaller caller,
            @Parameter(description = "Start of the name, company name or owner email", example = "acme")
            @RequestParam(required = false) String search,
            @Parameter(description = "Rows per page, 1 to 200", example = "50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The previous page's `next`; none for the first page")
            @RequestParam(required = false) String cursor) {
        return AccountPage.of(find.list(caller.actor(), SearchTerm.of(search), Keyset.of(cursor, limit)));
    }

    @GetMapping(path = "/api/v1/accounts/{accountId}", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_READ)
    @Operation(summary = "One client account", description = """
            The account's profile, status and owner. A platform API key reads any account; a personal access \
            token only its own (with the `profile` permission), any other id answering 404 like a missing one.""")
    @ApiResponse(responseCode = "200", description = "The account")
    AccountResponse account(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId) {
        return AccountResponse.of(find.find(caller.actor(), accountId.value()));
    }

    @PutMapping(path = "/api/v1/accounts/{accountId}", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Replace an account's profile", description = """
            The whole profile, as the Admin Area's form takes it: `name` is required, an absent optional field is \
            cleared. Each changed field is audited before and after, with the credential as actor. A platform \
            API key changes any account; a personal access token its own, with the `profile` permission.""")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    AccountResponse update(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody AccountProfileRequest request) {
        updateProfile.update(caller.actor(), accountId.value(), request.toProfile());
        return AccountResponse.of(find.find(caller.actor(), accountId.value()));
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/close", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Close an account", description = """
            Its users lose access on their next request; nothing else is taken away. Closing a closed account \
            changes nothing and answers the same. Staff-level: a platform API key only.""")
    @ApiResponse(responseCode = "200", description = "The account, CLOSED")
    AccountResponse close(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId) {
        closeAccount.close(caller.actor(), accountId.value());
        return AccountResponse.of(find.find(caller.actor(), accountId.value()));
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/reopen", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Reopen a closed account", description = """
            Its users get in again. Reopening an active account changes nothing and answers the same. \
            Staff-level: a platform API key only.""")
    @ApiResponse(responseCode = "200", description = "The account, ACTIVE")
    AccountResponse reopen(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId) {
        closeAccount.reopen(caller.actor(), accountId.value());
        return AccountResponse.of(find.find(caller.actor(), accountId.value()));
    }
}
