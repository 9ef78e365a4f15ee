package app.roster.admin.api;

import app.roster.account.AccountId;
import app.roster.account.FindAccounts;
import app.roster.account.api.AccountProfileRequest;
import app.roster.account.api.AccountResponse;
import app.roster.admin.AddClient;
import app.roster.admin.DeleteClient;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The checkout's "create account" and its undoing: an account opened with its owner, or deleted. */
@RestController
@Tag(name = "Accounts")
class ClientsApiController {

    private static final String ID = "[1-9][0-9]{0,17}";
    private static final String NAME = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    private final AddClient addClient;
    private final DeleteClient deleteClient;
    private final FindAccounts find;

    ClientsApiController(AddClient addClient, DeleteClient deleteClient, FindAccounts find) {
        this.addClient = addClient;
        this.deleteClient = deleteClient;
        this.find = find;
    }

    @Schema(name = "NewAccountOwner", description = """
            Either `userId` (an existing user) or `email`, `firstName` and `lastName` (a new user, emailed a link \
            to set their password)""")
    record OwnerRequest(@Pattern(regexp = ID) @Schema(example = "12") String userId,
            @Size(max = EmailAddress.MAX_LENGTH) @Schema(example = "ada@acme.example") String email,
            @Size(max = 100) @Pattern(regexp = NAME, message = "{field.printable}") @Schema(example = "Ada")
            String firstName,
            @Size(max = 100) @Pattern(regexp = NAME, message = "{field.printable}") @Schema(example = "Lovelace")
            String lastName,
            @Pattern(regexp = "en|fr|de", message = "{profile.language.invalid}")
            @Schema(description = "The new user's language: en (the default), fr or de", example = "en")
            String language) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "{api.account.owner.oneOf}")
        public boolean isOneOwner() {
            return userId != null ? email == null && firstName == null && lastName == null && language == null
                    : present(email) && present(firstName) && present(lastName);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        AddClient.Owner toOwner() {
            if (userId != null) {
                return AddClient.Owner.existing(Long.parseLong(userId));
            }
            EmailAddress address;
            try {
                address = EmailAddress.of(email);
            } catch (InvalidEmailAddressException invalid) {
                throw new Refusal(Refusal.Kind.INVALID, invalid.messageKey(), "owner.email");
            }
            return AddClient.Owner.created(address, firstName.strip(), lastName.strip(),
                    language == null ? Language.EN : Language.fromCode(language).orElseThrow());
        }
    }

    @Schema(name = "NewAccount")
    record CreateAccountRequest(@NotNull @Valid AccountProfileRequest profile, @NotNull @Valid OwnerRequest owner) {
    }

    @PostMapping(path = "/api/v1/accounts", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Open a client account with its owner", description = """
            The checkout's "create account": the account with its profile and its owner, who holds every \
            permission. The owner is an existing user (`owner.userId`), or a new one (`owner.email`, `firstName`, \
            `lastName`), created without a password and emailed a link to set one. All or nothing: a refused owner \
            leaves no account. Send an `Idempotency-Key`: a retry with the same key and body answers the first \
            response again and opens no second account. Staff-level: a platform API key only.""")
    @ApiResponse(responseCode = "201", description = "Opened; `Location` is the account's URL")
    @ApiResponse(responseCode = "400", description = "A field missing, malformed or unknown, or an owner of neither or both kinds")
    @ApiResponse(responseCode = "409", description = "The new owner's address is a user already: send their id")
    @ApiResponse(responseCode = "422", description = "No user with `owner.userId`, or not an email address")
    ResponseEntity<AccountResponse> create(ApiCaller caller, @Valid @RequestBody CreateAccountRequest request) {
        long id = addClient.add(caller.actor(), request.profile().toProfile(), request.owner().toOwner());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + id))
                .body(AccountResponse.of(find.find(caller.actor(), id)));
    }

    @DeleteMapping("/api/v1/accounts/{accountId}")
    @RequiresScope(Scope.ACCOUNTS_WRITE)
    @Operation(summary = "Delete a client account", description = """
            The account goes with its memberships, invitations, contacts and allowed domains; its users stay, \
            unless `deleteLoneUsers` is true: then its users who belong to no other account are deleted with it, \
            worked out at that moment. One transaction, audited. Staff-level: a platform API key only.""")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "Also delete its users who belong to no other account")
            @RequestParam(defaultValue = "false") boolean deleteLoneUsers) {
        deleteClient.delete(caller.actor(), accountId.value(), deleteLoneUsers);
        return ResponseEntity.noContent().build();
    }
}
