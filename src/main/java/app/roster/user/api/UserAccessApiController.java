package app.roster.user.api;

import app.roster.user.UserId;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.user.DeleteUser;
import app.roster.user.DisableUser;
import app.roster.user.EndSessions;
import app.roster.user.FindUsers;
import app.roster.user.PasswordReset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What staff do to a user's access from the API: disable, enable, end sessions, send a reset link, delete. */
@RestController
@Tag(name = "Users")
class UserAccessApiController {

    private final FindUsers find;
    private final DisableUser disableUser;
    private final EndSessions endSessions;
    private final PasswordReset passwordReset;
    private final DeleteUser deleteUser;

    UserAccessApiController(FindUsers find, DisableUser disableUser, EndSessions endSessions,
            PasswordReset passwordReset, DeleteUser deleteUser) {
        this.find = find;
        this.disableUser = disableUser;
        this.endSessions = endSessions;
        this.passwordReset = passwordReset;
        this.deleteUser = deleteUser;
    }

    @Schema(name = "EndedSessions")
    record EndedSessionsResponse(@Schema(description = "How many sessions were open", example = "2") int ended) {
    }

    @PostMapping(path = "/api/v1/users/{userId}/disable", produces = "application/json")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Disable a user", description = """
            The user cannot log in, and every session of theirs ends at once; their personal access tokens stop \
            working. Disabling a disabled user changes nothing and answers the same.""")
    @ApiResponse(responseCode = "200", description = "The user, disabled")
    UserResponse disable(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        disableUser.disable(caller.actor(), userId.value());
        return UserResponse.of(find.find(caller.actor(), userId.value()));
    }

    @PostMapping(path = "/api/v1/users/{userId}/enable", produces = "application/json")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Enable a user again", description = """
            The user may log in again. Enabling an enabled user changes nothing and answers the same.""")
    @ApiResponse(responseCode = "200", description = "The user, enabled")
    UserResponse enable(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        disableUser.enable(caller.actor(), userId.value());
        return UserResponse.of(find.find(caller.actor(), userId.value()));
    }

    @PostMapping(path = "/api/v1/users/{userId}/end-sessions", produces = "application/json")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "End every session of a user", description = """
            On every node: the user logs in again on their next request. Audited with the number ended.""")
    @ApiResponse(responseCode = "200", description = "How many sessions were open")
    EndedSessionsResponse endSessions(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        return new EndedSessionsResponse(endSessions.endAll(caller.actor(), userId.value()));
    }

    @PostMapping("/api/v1/users/{userId}/password-reset")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Email a user a password reset link", description = """
            As staff's "Send Password Reset Email": the link goes to the user's address (never to the caller), \
            also for a disabled user, whom it does not enable. Audited.""")
    @ApiResponse(responseCode = "202", description = "The email is on its way")
    ResponseEntity<Void> passwordReset(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        passwordReset.sendLink(caller.actor(), userId.value());
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/api/v1/users/{userId}")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Delete a user who belongs to no account", description = """
            The login goes, with its sessions, tokens and recovery codes; invitations it sent keep working. A user \
            who still belongs to an account is 409: remove them from their accounts first (or delete the account \
            with `deleteLoneUsers`).""")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The user belongs to an account")
    ResponseEntity<Void> delete(ApiCaller caller,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        deleteUser.deleteUnattached(caller.actor(), userId.value());
        return ResponseEntity.noContent().build();
    }
}
