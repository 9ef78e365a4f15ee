package app.roster.user.api;

import app.roster.user.UserId;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import app.roster.user.ChangeEmail;
import app.roster.user.CreateUserByStaff;
import app.roster.user.FindUsers;
import app.roster.user.ListedUser;
import app.roster.user.UpdateProfile;
import app.roster.user.User;
import app.roster.shared.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The users directory for the platform's own systems: search, create, change. Staff-level throughout. */
@RestController
@Tag(name = "Users", description = "Logins: one per person, in any number of accounts. Platform API keys only")
class UsersApiController {


    private final FindUsers find;
    private final CreateUserByStaff createUser;
    private final UpdateProfile updateProfile;
    private final ChangeEmail changeEmail;

    UsersApiController(FindUsers find, CreateUserByStaff createUser, UpdateProfile updateProfile,
            ChangeEmail changeEmail) {
        this.find = find;
        this.createUser = createUser;
        this.updateProfile = updateProfile;
        this.changeEmail = changeEmail;
    }

    @Schema(name = "UserPage")
    record UserPage(List<UserResponse> items, @Schema(description = """
            The cursor of the next page, to send as `cursor`; null on the last page""") String next) {

        static UserPage of(KeysetPage<ListedUser> page) {
            return new UserPage(page.items().stream().map(UserResponse::of).toList(), page.next());
        }
    }

    @GetMapping(path = "/api/v1/users", produces = "application/json")
    @RequiresScope(Scope.USERS_READ)
    @Operation(summary = "Search users", description = """
            Every user by id, a page at a time; `search` matches the start of the email, first or last name, in \
            any case. Walk the list by sending each page's `next` as `cursor` until it is null.""")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "422", description = "A limit outside 1..200, or a cursor this list did not give")
    UserPage list(ApiCaller caller,
            @Parameter(description = "Start of the email, first or last name", example = "ada")
            @RequestParam(required = false) String search,
            @Parameter(description = "Rows per page, 1 to 200", example = "50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The previous page's `next`; none for the first page")
            @RequestParam(required = false) String cursor) {
        return UserPage.of(find.list(caller.actor(), SearchTerm.of(search), Keyset.of(cursor, limit)));
    }

    @PostMapping(path = "/api/v1/users", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Create a user", description = """
            A login without a password: the user is emailed a link to set their own (valid 72 hours), as when \
            staff create one. They belong to no account until they are added to one. An address that is a user \
            already is 409, without saying whose. Send an `Idempotency-Key` to retry safely.""")
    @ApiResponse(responseCode = "201", description = "Created; `Location` is the user's URL")
    @ApiResponse(responseCode = "409", description = "The address is a user already")
    @ApiResponse(responseCode = "422", description = "Not an email address")
    ResponseEntity<UserResponse> create(ApiCaller caller, @Valid @RequestBody UserRequests.CreateUserRequest request) {
        long id = createUser.create(caller.actor(), request.emailAddress(), request.firstName().strip(),
                request.lastName().strip(), request.lang());
        return ResponseEntity.created(URI.create("/api/v1/users/" + id))
                .body(UserResponse.of(find.find(caller.actor(), id)));
    }

    @PatchMapping(path = "/api/v1/users/{userId}", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Change a user's name, language or email", description = """
            Only the fields sent change. A new `email` is set as an Administrator sets it: no link to click first, \
            but the user must verify the new address, their reset and change links stop working, and the old \
            address is told. A taken address, or one an account's allowed domains refuse, is 422 on `email`, \
            and then nothing changes. Each change is audited.""")
    @ApiResponse(responseCode = "200", description = "The user as they are now")
    @ApiResponse(responseCode = "422", description = "The new address is not valid, taken, or refused")
    UserResponse update(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId,
            @Valid @RequestBody UserRequests.UpdateUserRequest request) {
        User before = find.find(caller.actor(), userId.value());
        // The address first: it is the one change a rule may refuse, and then nothing has changed.
        if (request.email() != null) {
            changeEmail.set(caller.actor(), userId.value(), request.emailAddress());
        }
        if (request.changesProfile()) {
            updateProfile.update(caller.actor(), userId.value(),
                    request.firstName() == null ? before.firstName() : request.firstName().strip(),
                    request.lastName() == null ? before.lastName() : request.lastName().strip(),
                    request.language() == null ? before.language() : Language.fromCode(request.language()).orElseThrow());
        }
        return UserResponse.of(find.find(caller.actor(), userId.value()));
    }
}
