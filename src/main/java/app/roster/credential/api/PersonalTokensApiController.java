package app.roster.credential.api;

import app.roster.credential.TokenId;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.credential.RevokePersonalToken;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Revoking personal access tokens: a token itself (a script done with it), or a platform key (a leaked one). */
@RestController
@Tag(name = "Personal access tokens", description = "Users' own credentials for one of their accounts")
class PersonalTokensApiController {

    private final RevokePersonalToken revoke;

    PersonalTokensApiController(RevokePersonalToken revoke) {
        this.revoke = revoke;
    }

    @DeleteMapping("/api/v1/personal-tokens/current")
    @RequiresScope({})
    @Operation(summary = "Revoke the token making this call", description = """
            A personal access token revokes itself: its next call answers 401. Audited with the token as actor. \
            A platform API key is refused (403): keys are revoked by an Administrator in the Admin Area.""")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revokeCurrent(ApiCaller caller) {
        if (!(caller.actor() instanceof Actor.Token token)) {
            throw Refusal.forbidden("api.token.notAToken");
        }
        revoke.revoke(token, token.tokenId());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/personal-tokens/{tokenId}")
    @RequiresScope(Scope.USERS_WRITE)
    @Operation(summary = "Revoke any personal access token", description = """
            For the platform's own systems, such as a secret scanner that found a leaked `roster_pat_…`: a platform \
            API key with `users:write` revokes any user's token, as an Administrator would. Revoking a revoked token \
            changes nothing; an unknown id is 404.""")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(ApiCaller caller,
            @Parameter(description = "The token's id", example = "31") @PathVariable TokenId tokenId) {
        revoke.revoke(caller.actor(), tokenId.value());
        return ResponseEntity.noContent().build();
    }
}
